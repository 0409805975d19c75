/**
 * The demo as `npm start` serves it: the Vite dev server (source, not the build) with the hub emulator.
 * Proves a fresh checkout's demo command shows a working chat.
 */
import { createServer as createNetServer } from 'node:net';
import { expect, test } from '@playwright/test';
import { type DemoServers, startDemoServers } from '../scripts/demo-servers';
import type { Hub } from '../server/hub';
import { widgetLocators } from './support/fixtures';

let servers: DemoServers;
let hub: Hub;
let base: string;

/** A port free right now (the dev server's origin must be known before the hub starts). */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

test.beforeAll(async () => {
  servers = await startDemoServers({
    port: await freePort(),
    hub: { port: 0, replyDelayMs: 30 },
    logLevel: 'error',
  });
  ({ hub, base } = servers);
});

test.afterAll(async () => {
  await servers?.close();
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
});

test("the protocol console's emulator panel reads and changes the emulator's options", async ({ page }) => {
  await page.goto(`${base}console.html`);
  const panel = page.getByRole('form', { name: 'Emulator options' });
  await expect(panel.getByRole('combobox', { name: 'Sends taken' })).toHaveValue('both');
  await expect(panel.getByRole('spinbutton', { name: 'maxFrameOut' })).toHaveValue('131072');
  await panel.getByRole('combobox', { name: 'Transcripts' }).selectOption('normalised');
  await panel.getByRole('spinbutton', { name: 'startAnswerRate' }).fill('0.5');
  await panel.getByRole('button', { name: 'Apply' }).click();
  await expect(panel.locator('output')).toHaveText('options in effect');
  await expect.poll(() => hub.control.options().transcriptStyle).toBe('normalised');
  expect(hub.control.options().startAnswerRate).toBe(0.5);
  await panel.getByRole('textbox', { name: 'Control token' }).fill('guess');
  await panel.getByRole('button', { name: 'Load' }).click();
  await expect(panel.locator('output')).toContainText('control token');
  hub.control.setOptions({ transcriptStyle: 'verbatim', startAnswerRate: 1 });
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
