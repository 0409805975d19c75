/** The main visitor flows against the built widget and the hub emulator. */
import { expect, storedConversationId, test } from './support/fixtures';

test.describe('chat flows', { tag: '@every-mode' }, () => {
  test('opening shows the panel, focuses the composer and the bot greets with quick replies', async ({
    page,
    openHost,
  }) => {
    const w = await openHost(page);
    await expect(w.launcher).toBeVisible();
    await expect(w.launcher).toHaveAttribute('aria-expanded', 'false');
    await w.launcher.click();
    await expect(w.panel).toBeVisible();
    await expect(w.launcher).toHaveAttribute('aria-expanded', 'true');
    await expect(w.composer).toBeFocused();
    const greeting = w.log.locator('[data-sender="bot"]').first();
    await expect(greeting).toContainText('Captivate');
    await expect(w.log.getByRole('button', { name: 'Show cards' })).toBeVisible();
    // The bot-first empty user message is never shown.
    await expect(w.log.locator('[data-sender="user"]')).toHaveCount(0);
  });

  test('typing a message sends it and renders the markdown reply', async ({ page, openHost }) => {
    const w = await openHost(page);
    await w.openChat();
    await w.send('markdown');
    await expect(w.log.locator('[data-sender="user"]').last()).toContainText('markdown');
    await expect(w.composer).toHaveValue('');
    const reply = w.log.locator('[data-sender="bot"] strong').first();
    await expect(reply).toBeVisible();
  });

  test('Shift+Enter adds a line, Enter sends the whole text once', async ({ page, openHost, hub }) => {
    const w = await openHost(page);
    await w.openChat();
    await w.composer.fill('first line');
    await w.composer.press('Shift+Enter');
    await w.composer.pressSequentially('second line');
    await expect(w.composer).toHaveValue('first line\nsecond line');
    await w.composer.press('Enter');
    await expect(w.log.locator('[data-sender="user"]').last()).toContainText('second line');
    // Shown at once, sent after: the bot's echo says the hub has it.
    await expect(w.log.locator('[data-sender="bot"]', { hasText: 'second line' })).toBeVisible();
    const texts = (await hub.control.frames({ type: 'user_message' })).map(
      (f) => (f.payload as { content?: { text?: string } }).content?.text,
    );
    expect(texts.filter((t) => t === 'first line\nsecond line')).toHaveLength(1);
  });

  test('a quick reply sends its value, shows its label and disables the set', async ({ page, openHost }) => {
    const w = await openHost(page);
    await w.launcher.click();
    const button = w.log.getByRole('button', { name: 'Show cards' });
    await button.click();
    await expect(w.log.locator('[data-sender="user"]').last()).toContainText('Show cards');
    await expect(button).toBeDisabled();
    // The carousel arrives, each card with a safe external link.
    const cardLink = w.log.getByRole('link', { name: /Open link/ }).first();
    await expect(cardLink).toBeVisible();
    await expect(cardLink).toHaveAttribute('target', '_blank');
    await expect(cardLink).toHaveAttribute('rel', /noopener/);
    await expect(cardLink).toHaveAttribute('rel', /noreferrer/);
    await expect(w.log.locator('img').first()).toBeVisible();
  });

  test('a pause shows the typing indicator, then the rest of the message', async ({ page, openHost }) => {
    const w = await openHost(page);
    await w.openChat();
    await w.send('pause');
    await expect(w.panel.getByText(/typing/i)).toBeVisible();
    await expect(w.panel.getByText(/typing/i)).toBeHidden({ timeout: 5000 });
    await expect(w.log.locator('[data-sender="bot"]').last()).not.toBeEmpty();
  });

  test('Escape closes the panel and focus returns to the launcher', async ({ page, openHost }) => {
    const w = await openHost(page);
    await w.launcher.click();
    await expect(w.composer).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(w.panel).toBeHidden();
    await expect(w.launcher).toBeFocused();
    await w.launcher.press('Enter');
    await expect(w.panel).toBeVisible();
    await w.panel.getByRole('button', { name: 'Close chat' }).click();
    await expect(w.panel).toBeHidden();
    await expect(w.launcher).toBeFocused();
  });

  test('a message arriving while closed raises the unread badge, opening clears it', async ({
    page,
    openHost,
    hub,
  }) => {
    const w = await openHost(page);
    await w.openChat();
    await page.keyboard.press('Escape');
    const conversationId = await storedConversationId(page);
    // The hub knows the conversation this page stored (not one an earlier test started).
    expect(hub.control.conversation(conversationId)?.id).toBe(conversationId);
    await hub.control.push(conversationId, {
      event_type: 'bot_message',
      event_payload: {
        type: 'message_create',
        ch_msg_id: 'pushed-1',
        bot: {},
        content: [{ type: 'text', text: 'Ping while closed' }],
      },
    });
    await expect(page.getByRole('button', { name: /Open chat, 1 unread/ })).toBeVisible();
    await w.launcher.click();
    await expect(page.getByRole('button', { name: 'Open chat', exact: true })).toBeVisible();
    await expect(w.log.getByText('Ping while closed')).toBeVisible();
  });
});
