/**
 * One hub frame never holds the main thread for long: a 4 MB message of 200 `html` parts, and one of 200
 * markdown parts made of 4,000 `>` each, render within the message's budget (the rest behind "Show more"),
 * no task longer than 200 ms, and the composer takes a click and typing at once.
 */
import type { Page } from '@playwright/test';
import { expect, storedConversationId, test } from './support/fixtures';

const LONG_TASK_LIMIT_MS = 200;

async function longTasksSince(page: Page, start: number): Promise<number[]> {
  return page.evaluate(
    (since) =>
      ((window as { __longTasks?: { start: number; duration: number }[] }).__longTasks ?? [])
        .filter((t) => t.start + t.duration >= since)
        .map((t) => Math.round(t.duration)),
    start,
  );
}

const HTML_PART = `<p>${'Lorem <b>ipsum</b> dolor sit amet, <a href="https://example.com">link</a>. '.repeat(280)}</p>`;

for (const [name, part] of [
  ['200 html parts of 20,000 characters (4 MB)', { type: 'html', html: HTML_PART }],
  ['200 markdown parts of 4,000 ">" each', { type: 'text', text: '>'.repeat(4_000) }],
] as const) {
  test(`a frame of ${name} renders in budget and the composer stays usable`, { tag: '@solo' }, async ({
    page,
    openHost,
    hub,
  }) => {
    await page.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      (window as { __longTasks?: typeof tasks }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const t of list.getEntries()) tasks.push({ start: t.startTime, duration: t.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const w = await openHost(page);
    await w.openChat();
    const conversationId = await storedConversationId(page);
    const start = await page.evaluate(() => performance.now());
    hub.control.push(conversationId, {
      event_type: 'bot_message',
      event_payload: {
        type: 'message_create',
        ch_msg_id: 'flood',
        bot: {},
        content: Array.from({ length: 200 }, () => part),
      },
    });
    const row = page.locator('[data-message-id="flood"]').first();
    const more = row.getByRole('button', { name: 'Show more' }).last();
    await expect(more).toBeVisible({ timeout: 15_000 });
    await w.composer.click();
    await w.composer.pressSequentially('still here');
    await expect(w.composer).toHaveValue('still here');
    const before = await row.locator('.cc-bubble').count();
    expect(before).toBeLessThan(30);
    await more.click();
    await expect.poll(() => row.locator('.cc-bubble').count()).toBeGreaterThan(before);
    await page.waitForTimeout(300);
    expect(Math.max(0, ...(await longTasksSince(page, start)))).toBeLessThanOrEqual(LONG_TASK_LIMIT_MS);
  });
}
