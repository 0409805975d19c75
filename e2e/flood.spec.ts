/**
 * A hub that floods: 100,000 bot messages in bursts of 1,000 keep the tab responsive (no task over 100 ms),
 * the memory bounded (the log keeps the newest 10,000; the DOM a screenful) and the newest message on screen.
 * A conversation longer than that restores its newest 10,000, and "Show earlier messages" brings older
 * ones back from the transcript.
 */
import type { Page } from '@playwright/test';
import { hashKey, makeKey } from '../src/storage/keys';
import { expect, storedConversationId, test } from './support/fixtures';

const TOTAL = 100_000;
const BURST = 1_000;
const LONG_TASK_LIMIT_MS = 100;
/** Used JS heap after a forced GC with the log at its cap (10,000 messages): about 9 MB is measured. */
const HEAP_LIMIT_MB = 30;

/**
 * Long tasks, and the id of the last `message` event. The flood waits on that id, read with a one-line
 * evaluate: a locator assertion polls in the page and its own work (and failure snapshots) would show up
 * as long tasks of the page.
 */
async function watchPage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as { __longTasks?: { start: number; duration: number }[]; __lastMessage?: string };
    const tasks: { start: number; duration: number }[] = [];
    w.__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const t of list.getEntries()) tasks.push({ start: t.startTime, duration: t.duration });
    }).observe({ type: 'longtask', buffered: true });
    addEventListener('captivate:message', (e) => {
      w.__lastMessage = (e as CustomEvent<{ id: string }>).detail.id;
    });
  });
}

const lastMessage = (page: Page) => page.evaluate(() => (window as { __lastMessage?: string }).__lastMessage);

const longestTaskSince = (page: Page, since: number) =>
  page.evaluate(
    (from) =>
      Math.max(
        0,
        ...((window as { __longTasks?: { start: number; duration: number }[] }).__longTasks ?? [])
          .filter((t) => t.start + t.duration >= from)
          .map((t) => Math.round(t.duration)),
      ),
    since,
  );

async function usedHeapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

test('100,000 bot messages in bursts of 1,000: no task over 100 ms, bounded memory, the newest on screen', {
  tag: '@solo',
}, async ({ page, openHost, hub }) => {
  test.setTimeout(240_000);
  await watchPage(page);
  const w = await openHost(page);
  await w.openChat();
  const conversationId = await storedConversationId(page);
  const start = await page.evaluate(() => performance.now());
  for (let burst = 0; burst < TOTAL / BURST; burst++) {
    for (let i = burst * BURST; i < (burst + 1) * BURST; i++) {
      hub.control.push(conversationId, {
        event_type: 'bot_message',
        event_payload: {
          type: 'message_create',
          ch_msg_id: `flood-${i}`,
          bot: {},
          content: [{ type: 'text', text: `Flood **${i}**` }],
        },
      });
    }
    // The burst's last message is shown (its event comes in the frame that shows it) before the next comes.
    await expect
      .poll(() => lastMessage(page), { timeout: 15_000, intervals: [20] })
      .toBe(`flood-${(burst + 1) * BURST - 1}`);
  }
  await page.waitForTimeout(300);

  const longest = await longestTaskSince(page, start);
  const rendered = await w.log.locator('[data-message-id]').count();
  const heap = await usedHeapMB(page);
  console.log(`FLOOD longest task ${longest} ms, ${rendered} rows in the DOM, heap ${heap.toFixed(1)} MB`);
  expect(longest).toBeLessThanOrEqual(LONG_TASK_LIMIT_MS);
  expect(rendered).toBeLessThan(100);
  expect(heap).toBeLessThan(HEAP_LIMIT_MB);
  await expect(w.log.locator(`[data-message-id="flood-${TOTAL - 1}"]`)).toBeInViewport();
  // The composer still answers at once.
  await w.composer.click();
  await w.composer.pressSequentially('still here');
  await expect(w.composer).toHaveValue('still here');
});

test('a 10,600-message conversation restores its newest 10,000; "Show earlier messages" brings the rest', async ({
  page,
  hub,
  openHost,
}) => {
  test.setTimeout(90_000);
  const limit = hub.control.options().maxFrameOut;
  hub.control.setOptions({ maxFrameOut: 16 * 1024 * 1024 });
  try {
    const first = 'The very first message of this conversation';
    const last = 'The latest restored message';
    const { conversationId } = hub.control.seed({
      messages: [{ from: 'bot', content: [{ type: 'text', text: first }] }],
      count: 10_598,
    })!;
    hub.control.seed({
      conversationId,
      messages: [{ from: 'bot', content: [{ type: 'text', text: last }] }],
    });
    const key = makeKey(hashKey(`${new URL(hub.url).href}|e2e-key`), 'conversation');
    await page.addInitScript(([k, v]) => localStorage.setItem(k!, v!), [key, JSON.stringify(conversationId)]);

    const w = await openHost(page, { cfg: { open: 'true' } });
    await expect(w.log.getByText(last)).toBeInViewport();
    const earlier = w.log.getByRole('button', { name: 'Show earlier messages' });
    await expect(async () => {
      await w.log.evaluate((el) => el.scrollTo({ top: 0 }));
      await expect(earlier).toBeInViewport({ timeout: 300 });
    }).toPass({ timeout: 15_000 });
    await expect(w.log.getByText(first)).toHaveCount(0);

    await earlier.click();
    await expect(async () => {
      await w.log.evaluate((el) => el.scrollTo({ top: 0 }));
      await expect(w.log.getByText(first)).toBeInViewport({ timeout: 300 });
    }).toPass({ timeout: 15_000 });
    // All of it is there now, once.
    await expect(earlier).toHaveCount(0);
    await expect(w.log.getByText(first)).toHaveCount(1);
  } finally {
    hub.control.setOptions({ maxFrameOut: limit });
  }
});
