/**
 * A long restored conversation in the windowed log: only rows near the viewport are in the DOM, the reader
 * can scroll back to the very first message, new messages still follow the end (or raise the pill while the
 * reader is up in the history), and the live region announces them.
 */
import { hashKey, makeKey } from '../src/storage/keys';
import { expect, test } from './support/fixtures';

const COUNT = 2000;
const FIRST = 'The very first message of this conversation';
const LAST = 'The latest restored message';

test('a 2,000-message history is windowed, scrolls back to its start, and still follows new messages', async ({
  page,
  hub,
  openHost,
}) => {
  // This history (~200 KB) is over the gateway's 128 KB frame limit: let it come over the socket.
  hub.control.setOptions({ maxFrameOut: 4 * 1024 * 1024 });
  const { conversationId } = hub.control.seed({
    messages: [{ from: 'bot', content: [{ type: 'text', text: FIRST }] }],
    count: COUNT - 2,
  })!;
  hub.control.seed({ conversationId, messages: [{ from: 'bot', content: [{ type: 'text', text: LAST }] }] });
  const key = makeKey(hashKey(`${new URL(hub.url).href}|e2e-key`), 'conversation');
  await page.addInitScript(([k, v]) => localStorage.setItem(k!, v!), [key, JSON.stringify(conversationId)]);

  const w = await openHost(page, { cfg: { open: 'true' } });
  await expect(w.log.getByText(LAST)).toBeInViewport();
  const rendered = await w.log.locator('[data-message-id]').count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(100);

  // To the top: rows there are rendered (and measured) as the log gets there.
  const first = w.log.getByText(FIRST);
  await expect(async () => {
    await w.log.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect(first).toBeInViewport({ timeout: 300 });
  }).toPass({ timeout: 10_000 });
  expect(await w.log.locator('[data-message-id]').count()).toBeLessThan(100);
  await expect(w.log.getByText(LAST)).toHaveCount(0);

  // A message while the reader is up there: the pill, no jump; the live region says it.
  hub.control.push(conversationId, {
    event_type: 'bot_message',
    event_payload: {
      type: 'message_create',
      ch_msg_id: 'late-1',
      bot: {},
      content: [{ type: 'text', text: 'A late **reply**' }],
    },
  });
  const pill = w.panel.getByRole('button', { name: 'New messages' });
  await expect(pill).toBeVisible();
  await expect(first).toBeInViewport();
  await expect(page.locator('[data-announcer]')).toContainText('A late reply');
  await pill.click();
  await expect(w.log.getByText('A late reply')).toBeInViewport();

  // The visitor writes: the log follows their message and the bot's answer.
  await w.send('still there?');
  await expect(w.log.locator('[data-sender="user"]').last()).toContainText('still there?');
  await expect(w.log.locator('[data-sender="user"]').last()).toBeInViewport();
  await expect(w.log.locator('[data-sender="bot"]').last()).toContainText('still there?');
  await expect(w.log.locator('[data-sender="bot"]').last()).toBeInViewport();
  expect(await w.log.locator('[data-message-id]').count()).toBeLessThan(100);
});
