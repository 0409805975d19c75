/**
 * The demo as `npm start` serves it: the Vite dev server (source, not the build) with the hub emulator.
 * Proves a fresh checkout's demo command shows a working chat.
 */
import { expect, test } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';
import { createHub, type Hub } from '../server/hub';
import { widgetLocators } from './support/fixtures';

let hub: Hub;
let vite: ViteDevServer;
let base: string;

test.beforeAll(async () => {
  hub = await createHub({ port: 0, replyDelayMs: 30 });
  process.env.VITE_HUB_WS = hub.url;
  process.env.VITE_HUB_HTTP = hub.httpUrl;
  vite = await createServer({ logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
  await vite.listen();
  base = vite.resolvedUrls!.local[0]!;
});

test.afterAll(async () => {
  await vite?.close();
  await hub?.close();
});

test('the demo page shows the launcher and the bot greets when it opens', async ({ page }) => {
  await page.goto(base);
  const w = widgetLocators(page);
  await w.launcher.click();
  await expect(w.panel).toBeVisible();
  await expect(w.log.locator('[data-sender="bot"]').first()).toBeVisible({ timeout: 15_000 });
  await w.send('cards');
  await expect(w.log.getByRole('link', { name: /Open link/ }).first()).toBeVisible();
});

test('the protocol console talks to the hub frame by frame', async ({ page }) => {
  await page.goto(`${base}console.html`);
  await page.getByRole('textbox', { name: 'Hub URL' }).fill(hub.url);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const frames = page.getByRole('list', { name: 'Frames' });
  await expect(frames).toContainText('socket_connected');
  await page.getByRole('button', { name: 'conversation_start', exact: true }).click();
  await expect(frames).toContainText('conversation_start_success');
  await page.getByRole('button', { name: 'bot-first message' }).click();
  await expect(frames).toContainText('bot_message');

  // The same over the HTTP side: the mode in use shows; events are POSTed, answers still come on the socket.
  await page.getByRole('combobox', { name: 'Send via' }).selectOption('http');
  await page.getByRole('textbox', { name: 'HTTP URL' }).fill(hub.httpUrl);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.locator('#state')).toHaveText('connected (sending via http)');
  await page.getByRole('button', { name: 'conversation_start', exact: true }).click();
  await expect(frames).toContainText('POST {"action":"sendMessage"');
  await expect(frames).toContainText('HTTP delivered');
  await expect(frames.locator('li').filter({ hasText: 'conversation_start_success' })).toHaveCount(2);
});

test('the iframe demo embeds the widget and drives it over the bridge', async ({ page }) => {
  await page.goto(`${base}demo/iframe.html`);
  const frame = page.frameLocator('#chat');
  await expect(frame.getByRole('log').locator('[data-sender="bot"]').first()).toBeVisible({
    timeout: 15_000,
  });
  await page.getByRole('button', { name: /Send “cards”/ }).click();
  await expect(frame.getByRole('log').locator('[data-sender="user"]').last()).toContainText('cards');
  await expect(page.locator('#last-event')).toContainText('Last event');
});
