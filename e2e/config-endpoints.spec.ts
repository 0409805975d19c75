/** Endpoints that would carry the channel key in plaintext are configuration errors, reported by key. */
import { expect, test } from './support/fixtures';

test('plaintext url, http-url and upload-url outside loopback are refused, named, and never contacted', async ({
  page,
  openHost,
}) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  const contacted: string[] = [];
  page.on('request', (req) => contacted.push(new URL(req.url()).hostname));
  page.on('websocket', (ws) => contacted.push(new URL(ws.url()).hostname));
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __configErrors: unknown[] }).__configErrors = seen;
    window.addEventListener('captivate:error', (e) => seen.push((e as CustomEvent).detail));
  });
  const w = await openHost(page, {
    cfg: {
      url: 'ws://hub.example.com/ws',
      'http-url': 'http://api.example.com',
      'upload-url': 'http://files.example.com/upload',
      'send-mode': 'http',
    },
  });
  await w.launcher.click();
  await expect.poll(() => errors.join('\n')).toContain('data-upload-url');
  const text = errors.join('\n');
  for (const key of ['data-url', 'data-http-url', 'data-upload-url']) {
    expect(text).toContain(key);
    expect(errors.filter((e) => e.includes(`${key} `))).toHaveLength(1);
  }
  expect(text).toContain('on loopback');
  const events = await page.evaluate(
    () => (window as unknown as { __configErrors: unknown[] }).__configErrors,
  );
  expect(events).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ code: 'config', message: expect.stringContaining('data-url') }),
      expect.objectContaining({ code: 'config', message: expect.stringContaining('data-http-url') }),
      expect.objectContaining({ code: 'config', message: expect.stringContaining('data-upload-url') }),
    ]),
  );
  // The panel still opens with the defaults, and the refused hosts are never contacted.
  await expect(w.panel).toBeVisible();
  expect(contacted.filter((h) => h.endsWith('example.com'))).toEqual([]);
});
