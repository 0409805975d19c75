/** Two tabs of one site: one conversation, one socket, every message on both screens and sent once. */
import { expect, hostUrl, storedConversationId, test, widgetLocators } from './support/fixtures';

test('two tabs share one conversation; each message is sent once and shown in both', {
  tag: '@every-mode',
}, async ({ context, site, hub }) => {
  // The worker's hub served earlier tests: count only what this one sends.
  hub.control.reset();
  const first = await context.newPage();
  await first.goto(hostUrl(site));
  const a = widgetLocators(first);
  await a.openChat();
  const conversationId = await storedConversationId(first);

  const second = await context.newPage();
  await second.goto(hostUrl(site));
  const b = widgetLocators(second);
  // The open state is shared: the second tab opens with the first.
  await expect(b.panel).toBeVisible();
  await expect(b.log.locator('[data-sender="bot"]').first()).toBeVisible();

  await b.send('from the second tab');
  await a.send('from the first tab');
  for (const w of [a, b]) {
    await expect(w.log.locator('[data-sender="user"]')).toHaveText([
      /from the second tab/,
      /from the first tab/,
    ]);
    await expect(w.log.locator('[data-sender="bot"]').last()).toContainText('from the first tab');
    await expect(w.log.locator('[data-delivery="sending"]')).toHaveCount(0);
  }
  expect(await storedConversationId(second)).toBe(conversationId);

  const frames = await hub.control.frames({ conversationId });
  const texts = frames
    .filter((f) => f.eventType === 'user_message')
    .map((f) => (f.payload as { content: { text: string } }).content.text)
    .filter(Boolean);
  expect(texts).toEqual(['from the second tab', 'from the first tab']);
  expect((await hub.control.frames({ type: 'conversation_start' })).filter((f) => f.socketId)).toHaveLength(
    1,
  );
  // One socket for the browser: the leader's.
  expect(new Set(frames.map((f) => f.socketId)).size).toBe(1);

  // Closing the panel in one tab closes it in the other.
  await b.panel.getByRole('button', { name: 'Close chat' }).click();
  await expect(a.panel).toBeHidden();

  // The leader's tab goes away: the other takes over the socket and carries on.
  await first.close();
  await b.launcher.click();
  await b.send('after the first tab closed');
  await expect(b.log.locator('[data-sender="bot"]').last()).toContainText('after the first tab closed');
  const starts = await hub.control.frames({ type: 'conversation_start' });
  expect(starts).toHaveLength(1);
});

test('a message handed to the leader as it closes is sent once, by the tab that takes over', async ({
  context,
  site,
  hub,
}) => {
  const first = await context.newPage();
  await first.goto(hostUrl(site));
  await widgetLocators(first).openChat();
  const conversationId = await storedConversationId(first);
  const second = await context.newPage();
  await second.goto(hostUrl(site));
  const b = widgetLocators(second);
  await expect(b.log.locator('[data-sender="bot"]').first()).toBeVisible();
  await b.composer.fill('handed over at the last moment');
  // The follower hands the message over and the leader's tab goes in the same breath.
  await Promise.all([b.composer.press('Enter'), first.close()]);
  await expect(b.log.locator('[data-sender="bot"]').last()).toContainText('handed over at the last moment');
  await expect(b.log.locator('[data-delivery="sending"]')).toHaveCount(0, { timeout: 20_000 });
  const texts = hub.control
    .frames({ type: 'user_message', conversationId })
    .map((f) => (f.payload as { content: { text: string } }).content.text)
    .filter((t) => t === 'handed over at the last moment');
  expect(texts).toHaveLength(1);
});

test('reset() in one tab logs the visitor out in both: empty screens, nothing stored, a new visitor next', {
  tag: '@every-mode',
}, async ({ context, site, hub }) => {
  const first = await context.newPage();
  await first.goto(hostUrl(site, { cfg: { 'user-id': 'customer-a' } }));
  const a = widgetLocators(first);
  await a.openChat();
  await a.send('account question from A');
  await expect(a.log.locator('[data-sender="bot"]').last()).toContainText('account question from A');
  const conversationId = await storedConversationId(first);

  const second = await context.newPage();
  await second.goto(hostUrl(site));
  const b = widgetLocators(second);
  await expect(b.log.getByText('account question from A', { exact: true })).toBeVisible();

  await first.evaluate(() => window.CaptivateChat?.reset());
  for (const w of [a, b])
    await expect(w.log.getByText('account question from A', { exact: true })).toHaveCount(0);
  // Nothing stored names A's conversation or A (the open panel greets the next visitor in a new one).
  const storedOfA = () =>
    first.evaluate(
      (old) =>
        Object.keys(localStorage).filter((key) => {
          const value = localStorage.getItem(key) ?? '';
          return (
            key.startsWith('captivate-chat:') &&
            (value.includes(old) || /customer-a|account question/.test(value))
          );
        }),
      conversationId,
    );
  expect(await storedOfA()).toEqual([]);

  // The next visitor, on the page whose tag named A: a new conversation under a new anonymous id (the
  // identity went with the logout), shown in both tabs, nothing of A's.
  await a.send('question from B');
  for (const w of [a, b])
    await expect(w.log.locator('[data-sender="bot"]').filter({ hasText: 'question from B' })).toBeVisible();
  const next = await storedConversationId(first);
  expect(next).not.toBe(conversationId);
  const stored = hub.control.conversations().find((c) => c.conversationId === next)!;
  expect(stored.userId).toMatch(/^anon-/);
  await expect(b.log.getByText('account question from A', { exact: true })).toHaveCount(0);
  expect(await storedOfA()).toEqual([]);
});
