/**
 * Messages that could not be sent are counted above the composer with "Retry all", wherever they are in the
 * log: one press sends them all again, in the order they were typed.
 */
import { expect, storedConversationId, test } from './support/fixtures';

test('"Retry all" sends every failed message again, in order, and the notice goes', {
  tag: '@every-mode',
}, async ({ page, openHost, hub }) => {
  test.setTimeout(60_000);
  const w = await openHost(page, { cfg: { 'send-timeout-ms': '1500' } });
  await w.openChat();
  const conversationId = await storedConversationId(page);
  const texts = ['unsent one', 'unsent two', 'unsent three'];
  const notice = w.panel.getByText(/messages? not sent/);
  const retryAll = w.panel.getByRole('button', { name: 'Retry all' });

  hub.control.refuse(60_000);
  try {
    hub.control.drop();
    for (const text of texts) await w.send(text);
    await expect(notice).toHaveText('3 messages not sent');
    await expect(w.log.locator('[data-delivery="failed"]')).toHaveCount(3);
  } finally {
    hub.control.refuse(0);
  }
  await expect(w.log.locator('[data-sender="user"]')).toHaveCount(3);
  // The visitor retries once the chat is back (the send timeout here is short).
  await expect(w.panel.locator('.cc-status')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  await retryAll.click();
  await expect(notice).toBeHidden();
  await expect(w.log.locator('[data-delivery="failed"]')).toHaveCount(0);
  await expect
    .poll(
      () =>
        hub.control
          .conversation(conversationId)
          ?.messages.filter((m) => m.from === 'user')
          .map((m) => JSON.stringify(m.parts)) ?? [],
      { timeout: 30_000 },
    )
    .toEqual(texts.map((t) => expect.stringContaining(t)));
  await expect(w.log.locator('[data-delivery="sending"]')).toHaveCount(0, { timeout: 15_000 });
});
