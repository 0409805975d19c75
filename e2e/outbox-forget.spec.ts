/**
 * What the visitor could not send does not outlive the widget: once the host calls destroy(), the next page
 * load neither shows nor sends it.
 */
import { expect, storedConversationId, test, type Widget } from './support/fixtures';

declare global {
  interface Window {
    CaptivateChat: Record<string, (...args: unknown[]) => unknown>;
  }
}

const FAILED = 'failed while the hub was away';
const SENDING = 'still sending when the host destroyed the widget';

async function opened(w: Widget): Promise<void> {
  if (!(await w.panel.isVisible())) await w.launcher.click();
  await expect(w.panel).toBeVisible();
}

const bubble = (w: Widget, text: string) => w.log.locator('[data-sender="user"]').filter({ hasText: text });

test('after destroy() a reload shows and sends nothing the visitor could not deliver', async ({
  page,
  openHost,
  hub,
}) => {
  test.setTimeout(45_000);
  const w = await openHost(page, { cfg: { 'send-timeout-ms': '1500' } });
  await w.openChat();
  const conversationId = await storedConversationId(page);
  const userTexts = () =>
    hub.control
      .frames({ conversationId, type: 'user_message' })
      .map((f) => JSON.stringify(f.payload))
      .filter((p) => p.includes(FAILED) || p.includes(SENDING));
  hub.control.refuse(60_000);
  try {
    hub.control.drop();
    await w.send(FAILED);
    await expect(bubble(w, FAILED).getByRole('button', { name: 'Retry sending' })).toBeVisible();
    // A failed message is kept across a reload, with Retry (default send timeout from here on).
    await openHost(page);
    await opened(w);
    await expect(bubble(w, FAILED).getByRole('button', { name: 'Retry sending' })).toBeVisible();
    await w.send(SENDING);
    await expect(bubble(w, SENDING)).toBeVisible();
    await page.evaluate(() => window.CaptivateChat.destroy!());
    await expect(page.locator('captivate-chat')).toHaveCount(0);
  } finally {
    hub.control.refuse(0);
  }
  await page.reload();
  await opened(w);
  // The conversation itself is still there: its transcript is shown once the socket is up again.
  await expect(w.log.locator('[data-sender="bot"]').first()).toBeVisible({ timeout: 15_000 });
  await expect(bubble(w, FAILED)).toHaveCount(0);
  await expect(bubble(w, SENDING)).toHaveCount(0);
  // Nor is either sent: a queued one would have gone once the transcript was read, before this one.
  await w.send('a new message');
  await expect(w.log.locator('[data-sender="bot"]').last()).toContainText('a new message');
  expect(userTexts()).toEqual([]);
});
