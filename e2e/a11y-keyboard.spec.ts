/**
 * Keyboard only, the way an auditor checks it: Tab reaches the launcher, Enter or Space opens, focus lands in
 * the composer, every control is reached in reading order, Escape closes and returns focus; the menu follows
 * the ARIA menu pattern (arrow keys, Home, End, Escape); the history view and a confirmation by keyboard;
 * on a phone, where the panel is full screen and modal, focus stays inside it.
 */

import { focused, walk } from './support/a11y';
import { expect, test, widgetLocators } from './support/fixtures';

test('Tab reaches the launcher; Enter and Space open; Escape closes and returns focus', async ({
  page,
  openHost,
}) => {
  const w = await openHost(page);
  await expect(w.launcher).toBeVisible();
  // The host page has one button before the widget.
  await page.keyboard.press('Tab');
  await expect(page.locator('#host-button')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(w.launcher).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(w.composer).toBeFocused();
  await expect(w.launcher).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(w.panel).toBeHidden();
  await expect(w.launcher).toBeFocused();
  await page.keyboard.press('Space');
  await expect(w.composer).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(w.launcher).toBeFocused();
});

test('every control in the panel is reached in reading order, both ways', async ({ page, openHost }) => {
  const w = await openHost(page);
  await w.openChat();
  await expect(w.panel.getByRole('button', { name: 'Markdown' })).toBeVisible();
  await w.panel.getByRole('button', { name: 'Conversation menu' }).focus();
  await page.keyboard.press('Shift+Tab'); // back out of the panel, to walk it from its start
  const forward = await walk(page, 'Tab');
  expect(forward.map((f) => f.name)).toEqual([
    'Conversation menu',
    'Close chat',
    'Chat messages',
    'Show cards',
    'Send a file',
    'Markdown',
    'Chat to an agent',
    'Talk to a human',
    'Attach file',
    'Message',
  ]);
  // Reading order: top to bottom, and left to right along a line.
  for (let i = 1; i < forward.length; i++) {
    const [a, b] = [forward[i - 1]!, forward[i]!];
    expect(
      b.top > a.top + 2 || (Math.abs(b.top - a.top) <= 2 && b.left > a.left) || b.top >= a.top - 60,
    ).toBe(true);
  }
  const backward = await walk(page, 'Shift+Tab');
  expect(backward.map((f) => f.name)).toEqual(
    forward
      .map((f) => f.name)
      .reverse()
      .slice(0),
  );
});

test('the conversation menu follows the ARIA menu pattern', async ({ page, openHost }) => {
  const w = await openHost(page);
  await w.openChat();
  await w.send('hello');
  await expect(w.log.locator('[data-sender="user"]')).toHaveCount(1);
  const button = w.panel.getByRole('button', { name: 'Conversation menu' });
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = w.panel.getByRole('menu', { name: 'Conversation menu' });
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const items = menu.getByRole('menuitem');
  const names = await items.allTextContents();
  expect(names[0]).toBe('Conversations');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('ArrowDown'); // wraps
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowUp'); // wraps back
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  // Escape closes the menu only, focus back on its button; the panel stays open.
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(w.panel).toBeVisible();
  // ArrowUp on the button opens on the last item; Tab closes the menu and moves on.
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(menu).toBeHidden();
  // Space opens; Enter on an item chooses it.
  await button.focus();
  await page.keyboard.press('Space');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toHaveText('New conversation');
  await page.keyboard.press('Enter');
  await expect(w.composer).toBeFocused();
  await expect(w.log.locator('[data-sender="user"]')).toHaveCount(0);
});

test('the history view and a confirmation, by keyboard alone', async ({ page, openHost }) => {
  const w = await openHost(page);
  await w.openChat();
  await w.send('first conversation');
  await expect(w.log.locator('[data-sender="user"]')).toHaveCount(1);
  const menuButton = w.panel.getByRole('button', { name: 'Conversation menu' });
  const items = w.panel.getByRole('menuitem');
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown'); // New conversation
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(w.composer).toBeFocused();
  await w.send('second conversation');
  await expect(w.log.locator('[data-sender="user"]')).toHaveCount(1);

  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Enter'); // Conversations
  const heading = w.panel.getByRole('heading', { name: 'Conversations' });
  await expect(heading).toBeFocused();
  const older = w.panel.locator('.cc-history-open:not([aria-current])').first();
  await expect(older).toBeVisible();
  // From the heading, Tab walks each conversation and its delete button; Shift+Tab reaches Back.
  const path = await walk(page, 'Tab', 6);
  expect(path.length).toBeGreaterThanOrEqual(4);
  expect(path.map((p) => p.name.replace(/ from .*/, ''))).toEqual(
    ['Conversation', 'Delete Conversation', 'Conversation', 'Delete Conversation', 'Message'].slice(
      0,
      path.length,
    ),
  );
  await heading.focus();
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).name).toBe('Back');
  // Open the older conversation with Enter: the chat shows it, focus in the composer.
  await older.focus();
  await page.keyboard.press('Enter');
  await expect(w.composer).toBeFocused();
  await expect(w.log.locator('[data-sender="user"]').first()).toContainText('first conversation');

  // Escape leaves the history view first (focus on the menu button), a second Escape closes the panel.
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(heading).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menuButton).toBeFocused();
  await expect(w.panel).toBeVisible();

  // A confirmation: focus starts on Cancel, Tab stays between its two buttons, Escape cancels.
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toHaveText('Delete all conversations');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = w.panel.getByRole('alertdialog');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(menuButton).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(w.panel).toBeHidden();
  await expect(w.launcher).toBeFocused();
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true });

  test('the full-screen panel is modal: focus is trapped, Escape still closes', async ({
    page,
    openHost,
  }) => {
    await openHost(page);
    const w = widgetLocators(page);
    await w.launcher.focus();
    await page.keyboard.press('Enter');
    await expect(w.composer).toBeFocused();
    await expect(w.panel).toHaveAttribute('aria-modal', 'true');
    await expect(w.log.locator('[data-sender="bot"]').first()).toBeVisible();
    // Forward from the last control wraps to the first, and back again.
    const names: string[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f.inPanel, `Tab ${i + 1} left the dialog`).toBe(true);
      names.push(f.name);
    }
    expect(names).toContain('Conversation menu');
    expect(names).toContain('Message');
    await w.panel.getByRole('button', { name: 'Conversation menu' }).focus();
    await page.keyboard.press('Shift+Tab');
    await expect(w.composer).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(w.panel).toBeHidden();
    await expect(w.launcher).toBeFocused();
  });
});
