/**
 * Restoring a long conversation from the stored tail while the visitor and the hub go on: the transcript of
 * 5,000 messages is read and applied over several tasks, and what happens meanwhile is kept, once, in order;
 * a reset meanwhile drops it.
 */
import type { Page } from '@playwright/test';
import type { Hub } from '../server/hub';
import { hashKey, makeKey } from '../src/storage/keys';
import { expect, storedConversationId, test, type Widget } from './support/fixtures';

declare global {
  interface Window {
    __restoreEvents: Array<{
      name: string;
      id?: string;
      text?: string;
      history?: boolean;
      tailShown?: boolean;
    }>;
  }
}

const COUNT = 5000;
const LAST = 'The latest restored message';
const TYPED = 'Typed while restoring';

interface Restore {
  w: Widget;
  conversationId: string;
  /** Host events of the second load, in order, with `act` where the host acted. */
  events(): Promise<Window['__restoreEvents']>;
}

/**
 * Restores a seeded conversation of COUNT messages once (so the tail is stored), then loads the page again
 * and, the moment the transcript reaches the page (before the widget reads it), has the host send `typed`
 * (`CaptivateChat.send`) or, without it, call `CaptivateChat.reset()`.
 */
async function restoreAndAct(
  page: Page,
  hub: Hub,
  openHost: (page: Page, opts?: { cfg?: Record<string, string> }) => Promise<Widget>,
  /** Sent by the host; without it, the host calls reset(). */
  typed?: string,
): Promise<Restore> {
  const { conversationId } = hub.control.seed({ count: COUNT - 1 })!;
  hub.control.seed({ conversationId, messages: [{ from: 'bot', content: [{ type: 'text', text: LAST }] }] });
  const key = makeKey(hashKey(`${new URL(hub.url).href}|e2e-key`), 'conversation');
  await page.addInitScript(([k, v]) => localStorage.setItem(k!, v!), [key, JSON.stringify(conversationId)]);
  const w = await openHost(page, { cfg: { open: 'true' } });
  await expect(w.log.getByText(LAST)).toBeVisible();
  await page.waitForTimeout(700); // the tail is written a moment after the last change

  // From the next load on: host events recorded, and the host acts when the transcript arrives. A listener
  // added in the WebSocket constructor runs before the widget's own.
  await page.addInitScript(
    ({ typed, last }) => {
      window.__restoreEvents = [];
      window.addEventListener('captivate:message', (e) => {
        const d = (e as CustomEvent<{ id: string; text: string; history: boolean }>).detail;
        window.__restoreEvents.push({ name: 'message', id: d.id, text: d.text, history: d.history });
      });
      const Native = window.WebSocket;
      let acted = false;
      window.WebSocket = class extends Native {
        constructor(...args: ConstructorParameters<typeof WebSocket>) {
          super(...args);
          this.addEventListener('message', (e) => {
            if (acted || typeof e.data !== 'string') return;
            if (!e.data.slice(0, 400).includes('"conversation_transcript"')) return;
            acted = true;
            // Whether the stored tail was on screen before the transcript came (the reset takes it away at once).
            const shown = document.querySelector('captivate-chat')?.shadowRoot?.textContent?.includes(last);
            window.__restoreEvents.push({ name: 'act', tailShown: !!shown });
            if (typed === null) window.CaptivateChat?.reset();
            else window.CaptivateChat?.send(typed);
          });
        }
      };
    },
    // null, not undefined: the argument goes to the page as JSON.
    { typed: typed ?? null, last: LAST },
  );
  await page.reload();
  const events = () => page.evaluate(() => window.__restoreEvents);
  // The stored tail shows at once; with a reset it is gone as soon as the transcript comes, so that case
  // reads what the page saw at that moment instead of racing it.
  if (typed !== undefined) await expect(w.log.getByText(LAST)).toBeVisible();
  else await expect.poll(async () => (await events()).find((e) => e.name === 'act')?.tailShown).toBe(true);
  return { w, conversationId, events };
}

test.describe('a long restore over several tasks', () => {
  // A 5,000-message transcript (~2 MB) is far over the gateway's 128 KB frame limit: let it come.
  let limit = 0;
  test.beforeEach(({ hub }) => {
    limit = hub.control.options().maxFrameOut;
    hub.control.setOptions({ maxFrameOut: 16 * 1024 * 1024 });
  });
  test.afterEach(({ hub }) => {
    hub.control.setOptions({ maxFrameOut: limit });
  });

  test('a message sent and the reply that comes while it is applied show once, after the history', async ({
    page,
    hub,
    openHost,
  }) => {
    test.setTimeout(60_000);
    const { w, conversationId, events } = await restoreAndAct(page, hub, openHost, TYPED);
    const reply = w.log.locator('[data-sender="bot"]').last();
    await expect(reply).toContainText(TYPED);
    // Every message of the conversation is reported once as history: the tail's at once, the rest once the
    // transcript is applied, none twice.
    const history = async () => (await events()).filter((e) => e.name === 'message' && e.history);
    await expect.poll(async () => (await history()).length, { timeout: 20_000 }).toBe(COUNT);
    await page.waitForTimeout(500);
    const reported = await history();
    expect(reported).toHaveLength(COUNT);
    expect(new Set(reported.map((e) => e.id)).size).toBe(COUNT);
    expect(reported.map((e) => e.text)).toContain(LAST);

    // On screen, at the end: the history's last message, then the visitor's, then the reply.
    const rows = await w.log
      .locator('[data-sender]')
      .evaluateAll((els) =>
        els.slice(-3).map((el) => [el.getAttribute('data-sender'), el.textContent ?? '']),
      );
    expect(rows.map(([sender]) => sender)).toEqual(['bot', 'user', 'bot']);
    expect(rows[0]![1]).toContain(LAST);
    expect(rows[1]![1]).toContain(TYPED);
    expect(rows[2]![1]).toContain(TYPED);
    // The reply was reported after the history it follows; the visitor's message went to the hub once.
    const all = (await events()).filter((e) => e.name === 'message');
    const replyAt = all.findLastIndex((e) => !e.history && e.text?.includes(TYPED) && e.text !== TYPED);
    expect(replyAt).toBeGreaterThan(all.findLastIndex((e) => e.history));
    const sent = hub.control
      .frames({ conversationId, type: 'user_message' })
      .filter((f) => JSON.stringify(f).includes(TYPED));
    expect(sent).toHaveLength(1);
  });

  test('reset() while it is applied drops it: nothing of the old conversation shows or is reported after', async ({
    page,
    hub,
    openHost,
  }) => {
    test.setTimeout(60_000);
    const { w, conversationId, events } = await restoreAndAct(page, hub, openHost);
    await expect(w.log.getByText(LAST)).toHaveCount(0);
    await page.waitForTimeout(1_500);
    await expect(w.log.getByText(LAST)).toHaveCount(0);
    const all = await events();
    const after = all.slice(all.findIndex((e) => e.name === 'act') + 1);
    expect(after.filter((e) => e.history)).toEqual([]);
    await expect.poll(() => storedConversationId(page)).not.toBe(conversationId);
    const storedTail = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.endsWith(':tail'));
      return key
        ? (JSON.parse(localStorage.getItem(key)!) as { conversationId: string }).conversationId
        : null;
    });
    expect(storedTail).not.toBe(conversationId);
  });
});
