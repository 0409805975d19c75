/**
 * Hosting the widget as a CDN would: the files on another origin than the page, with and without
 * `Access-Control-Allow-Origin` (the application chunk loads with import(), in CORS mode), and the loader tag
 * included twice.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, widgetLocators } from './support/fixtures';

const DIST = resolve(import.meta.dirname, '../dist');

/**
 * A second origin serving dist/: under `/cors/` with `Access-Control-Allow-Origin: *` (the hosting guide's
 * header), under `/plain/` without it.
 */
async function startCdn(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const [, mode, ...rest] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    const file = normalize(join(DIST, ...rest));
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream',
      ...(mode === 'cors' ? { 'access-control-allow-origin': '*' } : {}),
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * Adds the loader tag to a page, as a site owner pasting the embed snippet would, and resolves once the
 * browser ran it (`load`) or refused it (`error`).
 */
async function addLoader(page: Page, src: string, hubUrl: string, integrity = ''): Promise<string> {
  return page.evaluate(
    ([source, url, hash]) =>
      new Promise<string>((done) => {
        const script = document.createElement('script');
        if (hash) {
          script.integrity = hash;
          script.crossOrigin = 'anonymous';
        }
        script.src = source!;
        script.async = true;
        script.dataset.apiKey = 'e2e-key';
        script.dataset.url = url!;
        script.onload = () => done('load');
        script.onerror = () => done('error');
        document.body.appendChild(script);
      }),
    [src, hubUrl, integrity],
  );
}

let cdn: Awaited<ReturnType<typeof startCdn>>;
test.beforeAll(async () => {
  cdn = await startCdn();
});
test.afterAll(async () => {
  await cdn.close();
});

test('served from another origin with Access-Control-Allow-Origin, the chat opens', async ({
  page,
  site,
  hub,
}) => {
  await page.goto(`${site.origin}/blank`);
  await addLoader(page, `${cdn.origin}/cors/captivate-chat.js`, hub.url);
  const widget = widgetLocators(page);
  await widget.openChat();
  await widget.send('hello');
  await expect(widget.log.locator('[data-sender="bot"]').nth(1)).toBeVisible();
});

test('the integrity hash the build prints pins the loader', async ({ page, site, hub }) => {
  const integrity = readFileSync(join(DIST, 'captivate-chat.js.sri'), 'utf8').trim();
  await page.goto(`${site.origin}/blank`);
  expect(await addLoader(page, `${cdn.origin}/cors/captivate-chat.js?pinned`, hub.url, integrity)).toBe(
    'load',
  );
  await widgetLocators(page).openChat();

  // A file that does not match its hash is not run at all.
  await page.goto(`${site.origin}/blank`);
  const wrong = `sha384-${'A'.repeat(64)}`;
  expect(await addLoader(page, `${cdn.origin}/cors/captivate-chat.js?tampered`, hub.url, wrong)).toBe(
    'error',
  );
  await expect(page.locator('captivate-chat')).toHaveCount(0);
});

test('served from another origin without the header, the visitor is told the chat could not load', async ({
  page,
  site,
  hub,
}) => {
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(`${site.origin}/blank`);
  await page.evaluate(() => {
    (window as unknown as { loadErrors: unknown[] }).loadErrors = [];
    window.addEventListener('captivate:error', (e) =>
      (window as unknown as { loadErrors: unknown[] }).loadErrors.push(e.detail),
    );
  });
  await addLoader(page, `${cdn.origin}/plain/captivate-chat.js`, hub.url);
  const widget = widgetLocators(page);
  await widget.launcher.click();
  await expect(page.getByRole('alert')).toHaveText('Chat unavailable');
  await expect(widget.panel).toHaveCount(0);
  expect(consoleErrors.join('\n')).toContain('Access-Control-Allow-Origin');
  const errors = await page.evaluate(() => (window as unknown as { loadErrors: unknown[] }).loadErrors);
  expect(errors).toContainEqual(expect.objectContaining({ code: 'load' }));

  // Another click tries again: the notice is replaced, not stacked.
  await widget.launcher.click();
  await expect(page.getByRole('alert')).toHaveCount(1);
});

test('the loader included twice draws one launcher and warns', async ({ page, openHost, site, hub }) => {
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const widget = await openHost(page);
  await expect(widget.launcher).toBeVisible();
  await addLoader(page, `${site.origin}/captivate-chat.js?again`, hub.url);
  await expect.poll(() => warnings.join('\n')).toContain('loaded twice');
  await expect(page.locator('captivate-chat')).toHaveCount(1);
  await widget.openChat();
});
