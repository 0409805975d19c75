/** The iframe embed and its bridge, hostile host CSS, a strict host CSP, and the axe accessibility scan. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { settled } from './support/a11y';
import { expect, test, widgetLocators } from './support/fixtures';
import type { Site } from './support/site';

function frameSrc(site: Site, hubWs: string, hubHttp: string, allowed: string): string {
  const params = new URLSearchParams({
    'api-key': 'e2e-key',
    url: hubWs,
    'upload-url': `${hubHttp}/api/file-to-text`,
    title: 'Framed support',
    'allowed-origins': allowed,
  });
  return `${site.origin}/embed.html?${params}`;
}

/** Before the page loads: the frame may post its first events before a later listener would be there. */
async function collectFrameEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window !== window.top) return;
    (window as unknown as { __frameEvents: unknown[] }).__frameEvents = [];
    window.addEventListener('message', (e) => {
      const frame = document.querySelector('iframe')!;
      if (e.source !== frame.contentWindow) return;
      (window as unknown as { __frameEvents: unknown[] }).__frameEvents.push({
        origin: e.origin,
        data: e.data,
      });
    });
  });
}

const frameEvents = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __frameEvents: Array<{ data: { event: string } }> }).__frameEvents.map(
      (e) => e.data.event,
    ),
  );

test.describe('iframe embed', () => {
  test('renders open and full-size, and the bridge takes commands from an allowed origin', async ({
    page,
    site,
    hub,
  }) => {
    const src = frameSrc(site, hub.url, hub.httpUrl, site.altOrigin);
    await collectFrameEvents(page);
    await page.goto(`${site.altOrigin}/frame-host?src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator('#chat');
    const panel = frame.getByRole('dialog', { name: 'Framed support' });
    await expect(panel).toBeVisible();
    await expect(frame.getByRole('button', { name: 'Open chat' })).toHaveCount(0);
    await expect(panel.getByRole('log').locator('[data-sender="bot"]').first()).toBeVisible();
    await expect.poll(() => frameEvents(page)).toContain('message');

    await page.evaluate(() => {
      const frameWindow = document.querySelector('iframe')!.contentWindow!;
      const target = new URL(document.querySelector('iframe')!.src).origin;
      frameWindow.postMessage(
        { source: 'captivate-chat', type: 'command', command: 'send', args: ['bridge hello'] },
        target,
      );
    });
    await expect(panel.getByRole('log').locator('[data-sender="user"]').last()).toContainText('bridge hello');
    const origins = await page.evaluate(() =>
      (window as unknown as { __frameEvents: Array<{ origin: string }> }).__frameEvents.map((e) => e.origin),
    );
    expect(new Set(origins)).toEqual(new Set([site.origin]));
  });

  test('commands from a foreign origin are ignored and it receives no events', async ({
    page,
    site,
    hub,
  }) => {
    // The frame allows only https://allowed.example; this host page is on another origin.
    const src = frameSrc(site, hub.url, hub.httpUrl, 'https://allowed.example');
    await collectFrameEvents(page);
    await page.goto(`${site.altOrigin}/frame-host?src=${encodeURIComponent(src)}`);
    const frame = page.frameLocator('#chat');
    const log = frame.getByRole('dialog').getByRole('log');
    await expect(log.locator('[data-sender="bot"]').first()).toBeVisible();
    // The host page's own URL names embed.html in its query: take the iframe's frame, not the first match.
    const chat = (await (await page.locator('#chat').elementHandle())!.contentFrame())!;
    await page.evaluate(() => {
      document
        .querySelector('iframe')!
        .contentWindow!.postMessage(
          { source: 'captivate-chat', type: 'command', command: 'send', args: ['foreign command'] },
          '*',
        );
    });
    // Messages reach a window in the order they were posted: once a marker posted after the command arrives,
    // the widget has handled (and refused) the command.
    await chat.evaluate(
      () =>
        new Promise<void>((resolve) => {
          window.addEventListener('message', (e) => e.data === 'after-foreign-command' && resolve());
          window.postMessage('after-foreign-command', '*');
        }),
    );
    await chat.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    await expect(log.getByText('foreign command')).toHaveCount(0);
    expect(await frameEvents(page)).toEqual([]);
  });

  test('a wildcard in allowed-origins is a configuration error: the chat works, the bridge stays shut', async ({
    page,
    site,
    hub,
  }) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    const host = new URL(site.altOrigin);
    const wildcard = `${host.protocol}//*:${host.port}`;
    const src = frameSrc(site, hub.url, hub.httpUrl, wildcard);
    await collectFrameEvents(page);
    await page.goto(`${site.altOrigin}/frame-host?src=${encodeURIComponent(src)}`);
    const log = page.frameLocator('#chat').getByRole('dialog').getByRole('log');
    await expect(log.locator('[data-sender="bot"]').first()).toBeVisible();
    await expect.poll(() => errors.join('\n')).toContain('allowed-origins');
    expect(errors.join('\n')).toContain('no "*"');
    // Messages from one window arrive in the order they were posted: once this marker from the frame arrives,
    // any event the frame posted for the bot's message would have arrived before it.
    const chat = await (await page.locator('#chat').elementHandle())!.contentFrame();
    const marker = page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          window.addEventListener('message', (e) => e.data === 'after-bot-message' && resolve()),
        ),
    );
    await chat!.evaluate(() => window.parent.postMessage('after-bot-message', '*'));
    await marker;
    const received = await page.evaluate(() =>
      (window as unknown as { __frameEvents: Array<{ data: unknown }> }).__frameEvents.map((e) => e.data),
    );
    expect(received).toEqual(['after-bot-message']);
  });
});

test('hostile host CSS does not reach the widget', async ({ page, openHost }) => {
  const w = await openHost(page, { css: 'hostile' });
  await expect(page.locator('h1')).toBeVisible();
  await expect(w.launcher).toBeVisible();
  const size = await w.launcher.boundingBox();
  expect(size!.width).toBeCloseTo(56, 0);
  await w.launcher.click();
  await expect(w.panel).toBeVisible();
  await expect(w.composer).toBeVisible();
  const font = await w.composer.evaluate((el) => getComputedStyle(el).fontSize);
  expect(font).toBe('16px');
  await w.send('hello');
  await expect(w.log.locator('[data-sender="user"]').last()).toContainText('hello');
  const color = await w.composer.evaluate((el) => getComputedStyle(el).color);
  expect(color).not.toBe('rgb(0, 255, 0)');
});

test('the whole flow works under a strict CSP without a single violation', async ({ page, openHost }) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const w = await openHost(page, { csp: 'strict' });
  await w.openChat();
  await w.send('cards');
  await expect(w.log.locator('img').first()).toBeVisible();
  await w.send('markdown');
  await expect(w.log.locator('[data-sender="bot"] strong').first()).toBeVisible();
  await w.panel
    .locator('input[type="file"]')
    .setInputFiles({ name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('hi') });
  await expect(w.panel.getByRole('button', { name: 'Remove a.txt' })).toBeVisible();
  await w.send('with file');
  await expect(w.log.locator('[data-sender="user"]').last()).toContainText('a.txt');
  const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  expect(csp).toEqual([]);
  expect(violations).toEqual([]);
});

test('axe finds no serious or critical violation on the open panel', async ({ page, openHost }) => {
  const w = await openHost(page);
  await w.openChat();
  await w.send('cards');
  await expect(w.log.locator('img').first()).toBeVisible();
  // axe measures contrast at the opacity of the moment: the delivery line and new rows fade in.
  await expect(w.log.locator('[data-delivery="sending"]')).toHaveCount(0);
  await settled(page);
  const results = await new AxeBuilder({ page }).include('captivate-chat').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('full-screen on a phone-sized viewport', async ({ page, openHost }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  const w = await openHost(page);
  await w.launcher.click();
  await settled(page);
  const box = await w.panel.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(389);
  expect(box!.height).toBeGreaterThanOrEqual(699);
  await expect(widgetLocators(page).composer).toBeVisible();
  const composerBox = await widgetLocators(page).composer.boundingBox();
  expect(composerBox!.y + composerBox!.height).toBeLessThanOrEqual(700);
});
