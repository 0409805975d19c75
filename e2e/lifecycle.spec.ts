/**
 * The widget's lifecycle on the host page: hide() and show(), a site that opens the chat from its own button
 * (launcher none), the state getters on window.CaptivateChat, and a body swapped by a framework (Turbo,
 * Astro view transitions) with the widget kept on the page as it was.
 */
import type { Page } from '@playwright/test';
// The global `CaptivateChat` as the package types it (read through globalThis: api-and-events.spec.ts
// declares window.CaptivateChat loosely).
import type {} from '../src/index';
import { expect, storedConversationId, test, type Widget } from './support/fixtures';

/** The chat application's chunks, as the loader fetches them (the loader itself is captivate-chat.js). */
function watchAppRequests(page: Page): string[] {
  const requested: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/assets/')) requested.push(request.url());
  });
  return requested;
}

const apiReady = (page: Page) =>
  page.waitForFunction(() => typeof globalThis.CaptivateChat?.hide === 'function');
const state = (page: Page) =>
  page.evaluate(() => ({
    isOpen: globalThis.CaptivateChat!.isOpen,
    conversationId: globalThis.CaptivateChat!.conversationId,
  }));

/** Replaces the page's body the way Turbo does: a new body element, the old one (and the widget) gone. */
async function swapBody(page: Page, how: 'replaceWith' | 'replaceChild' = 'replaceWith'): Promise<void> {
  await page.evaluate((method) => {
    const next = document.createElement('body');
    next.innerHTML = '<h1>Next page</h1><button id="host-button">Host button</button>';
    if (method === 'replaceWith') document.body.replaceWith(next);
    else document.documentElement.replaceChild(next, document.body);
  }, how);
  await expect(page.getByRole('heading', { name: 'Next page' })).toBeVisible();
}

async function sendAndSeeReply(w: Widget, text: string): Promise<void> {
  const bubbles = w.log.locator('[data-sender="bot"]');
  const before = await bubbles.count();
  await w.send(text);
  await expect(w.log.locator('[data-sender="user"]').last()).toContainText(text);
  await expect.poll(() => bubbles.count()).toBeGreaterThan(before);
}

test.describe('hide() and show()', () => {
  test('hide the launcher without loading the chat application, and show it again', async ({
    page,
    openHost,
  }) => {
    const requested = watchAppRequests(page);
    const w = await openHost(page);
    await apiReady(page);
    await expect(w.launcher).toBeVisible();
    await page.evaluate(() => globalThis.CaptivateChat!.hide());
    await expect(w.launcher).toBeHidden();
    await page.evaluate(() => globalThis.CaptivateChat!.show());
    await expect(w.launcher).toBeVisible();
    expect(requested).toEqual([]);
    // Shown again, it works as before.
    await w.openChat();
  });

  test('hide an open panel with its conversation, and show both as they were', async ({ page, openHost }) => {
    const w = await openHost(page);
    await w.openChat();
    await sendAndSeeReply(w, 'before hiding');
    await page.evaluate(() => globalThis.CaptivateChat!.hide());
    await expect(w.panel).toBeHidden();
    await expect(w.launcher).toBeHidden();
    expect((await state(page)).isOpen).toBe(true);
    await page.evaluate(() => globalThis.CaptivateChat!.show());
    await expect(w.panel).toBeVisible();
    await expect(w.log.locator('[data-sender="user"]').last()).toContainText('before hiding');
    await sendAndSeeReply(w, 'after showing');
  });

  test('a reload shows the widget again: hiding is for the page view only', async ({ page, openHost }) => {
    const w = await openHost(page);
    await apiReady(page);
    await page.evaluate(() => globalThis.CaptivateChat!.hide());
    await expect(w.launcher).toBeHidden();
    await page.reload();
    await expect(w.launcher).toBeVisible();
  });
});

test.describe('isOpen and conversationId', () => {
  test('are read at once, closed and without a conversation before the application loads', async ({
    page,
    openHost,
  }) => {
    const requested = watchAppRequests(page);
    const w = await openHost(page);
    await apiReady(page);
    expect(await state(page)).toEqual({ isOpen: false, conversationId: undefined });
    expect(requested).toEqual([]);

    await w.openChat();
    await expect.poll(async () => (await state(page)).conversationId).toBeTruthy();
    const current = await state(page);
    expect(current).toEqual({ isOpen: true, conversationId: await storedConversationId(page) });

    await page.getByRole('button', { name: 'Close chat' }).click();
    expect(await state(page)).toEqual({ isOpen: false, conversationId: current.conversationId });

    await page.evaluate(() => globalThis.CaptivateChat!.newConversation());
    await expect.poll(async () => (await state(page)).conversationId).not.toBe(current.conversationId);
  });
});

test.describe('launcher none', () => {
  /** The host page's own chat button, wired to the API as a site would. */
  async function wireHostButton(page: Page) {
    await apiReady(page);
    await page.evaluate(() =>
      document
        .getElementById('host-button')!
        .addEventListener('click', () => globalThis.CaptivateChat!.open()),
    );
    return page.locator('#host-button');
  }

  test('draws no launcher; the site opens the chat, the close button and Escape give focus back to it', async ({
    page,
    openHost,
  }) => {
    const requested = watchAppRequests(page);
    const w = await openHost(page, { cfg: { launcher: 'none' } });
    const hostButton = await wireHostButton(page);
    await expect(w.launcher).toHaveCount(0);
    expect(requested).toEqual([]);

    await hostButton.click();
    await expect(w.panel).toBeVisible();
    await expect(w.composer).toBeFocused();
    await sendAndSeeReply(w, 'from the site button');
    await w.panel.getByRole('button', { name: 'Close chat' }).click();
    await expect(w.panel).toBeHidden();
    await expect(hostButton).toBeFocused();

    // From the keyboard: Enter on the site's button opens, Escape closes and focus is back on it.
    await page.keyboard.press('Enter');
    await expect(w.panel).toBeVisible();
    await expect(w.composer).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(w.panel).toBeHidden();
    await expect(hostButton).toBeFocused();
    await expect(w.launcher).toHaveCount(0);
  });
});

test.describe('body swaps', () => {
  for (const how of ['replaceWith', 'replaceChild'] as const) {
    test(`the launcher and an open conversation survive a new body (${how})`, async ({ page, openHost }) => {
      const w = await openHost(page);
      await w.openChat();
      await sendAndSeeReply(w, 'before the swap');
      const { conversationId } = await state(page);

      await swapBody(page, how);
      await expect(w.panel).toBeVisible();
      await expect(w.log.locator('[data-sender="user"]').last()).toContainText('before the swap');
      await sendAndSeeReply(w, 'after the swap');
      expect(await state(page)).toEqual({ isOpen: true, conversationId });

      // The launcher still drives the panel.
      await w.launcher.click();
      await expect(w.panel).toBeHidden();
      await w.launcher.click();
      await expect(w.panel).toBeVisible();
      await expect(page.locator('captivate-chat')).toHaveCount(1);
    });
  }

  test('a swap before any click keeps the launcher, which then loads the chat', async ({
    page,
    openHost,
  }) => {
    const w = await openHost(page);
    await apiReady(page);
    await swapBody(page);
    await swapBody(page);
    await expect(w.launcher).toBeVisible();
    await w.openChat();
  });

  test('after destroy() a swap does not bring the widget back', async ({ page, openHost }) => {
    const w = await openHost(page);
    await w.openChat();
    await page.evaluate(() => globalThis.CaptivateChat!.destroy());
    await expect(page.locator('captivate-chat')).toHaveCount(0);
    await swapBody(page);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    await expect(page.locator('captivate-chat')).toHaveCount(0);
  });
});
