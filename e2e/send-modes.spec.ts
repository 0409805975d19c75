/**
 * How the widget chooses and reports its send mode against hubs that take events one way, the other, both
 * or neither (the other specs run every flow in each mode; see playwright.config.ts).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** Host events, recorded from the first script on: `captivate:NAME` DOM events. */
async function recordEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: Array<{ name: string; detail: Record<string, unknown> }> = [];
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    for (const name of ['status', 'error', 'ready'])
      window.addEventListener(`captivate:${name}`, (e) =>
        seen.push({ name, detail: (e as CustomEvent).detail }),
      );
  });
}

const seen = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      (window as unknown as { __seen: Array<{ name: string; detail: Record<string, unknown> }> }).__seen
        .filter((e) => e.name === n)
        .map((e) => e.detail),
    name,
  );

test.describe('send modes', () => {
  test.afterEach(({ hub }) => {
    hub.control.setOptions({ acceptSends: 'socket' });
  });

  for (const [accepts, via] of [
    ['socket', 'socket'],
    ['http', 'http'],
    ['both', 'http'],
  ] as const) {
    test(`auto against a hub taking ${accepts} sends goes by ${via}, and says so in its status`, async ({
      page,
      openHost,
      hub,
    }) => {
      hub.control.setOptions({ acceptSends: accepts });
      hub.control.reset();
      await recordEvents(page);
      const w = await openHost(page, {
        cfg: { 'send-mode': 'auto', 'http-url': hub.httpUrl, start: 'user-first' },
      });
      await w.launcher.click();
      await w.send('which way?');
      await expect(w.log.locator('[data-sender="bot"]').filter({ hasText: 'which way?' })).toBeVisible();
      await expect
        .poll(async () => (await seen(page, 'status')).at(-1))
        .toMatchObject({
          state: 'connected',
          sendMode: 'auto',
          sendingVia: via,
        });
      // Sent once, one way only.
      const sent = (await hub.control.frames({ type: 'user_message' })).filter((f) =>
        JSON.stringify(f.payload).includes('which way?'),
      );
      expect(sent).toHaveLength(1);
      expect(await seen(page, 'error')).toEqual([]);
    });
  }

  test('a hub that refuses both ways: the visitor is told within 15 s, the host gets an error, the composer keeps the text', async ({
    page,
    openHost,
    hub,
  }) => {
    // Socket sends get the gateway's Forbidden; the HTTP side answers 404.
    hub.control.setOptions({ acceptSends: 'http' });
    await page.route(`${hub.httpUrl}/api/custom-channel/**`, (route) =>
      route.fulfill({ status: 404, contentType: 'application/json', body: '{"message":"Not Found"}' }),
    );
    await recordEvents(page);
    const w = await openHost(page, { cfg: { 'send-mode': 'auto', 'http-url': hub.httpUrl } });
    const started = Date.now();
    await w.launcher.click();
    const alert = w.panel.getByRole('alert');
    await expect(alert).toBeVisible({ timeout: 15_000 });
    expect(Date.now() - started).toBeLessThan(15_000);
    await expect(alert).toContainText('refused');
    await expect.poll(async () => (await seen(page, 'error')).map((d) => d.code)).toContain('refused');
    expect((await seen(page, 'status')).at(-1)).toMatchObject({ sendingVia: 'none' });
    await w.send('are you there?');
    await expect(w.composer).toHaveValue('are you there?');
    await expect(alert).toBeVisible();
  });
});
