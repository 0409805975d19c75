/**
 * What a screen reader hears, read the way it would: every change to a live region (aria-live, role status
 * or alert) in the widget is recorded. Each new bot or agent message is announced once, with its sender;
 * the visitor's own messages, typing indicators, delivery states and the log's windowing are not noise.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** Starts recording live-region announcements; returns a reader of everything announced so far. */
async function listen(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const root = document.querySelector('captivate-chat')!.shadowRoot!;
    const said: string[] = [];
    (window as unknown as { __said: string[] }).__said = said;
    const live = (node: Node | null): Element | null =>
      node instanceof Element
        ? node.closest('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"]')
        : (node?.parentElement?.closest(
            '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"]',
          ) ?? null);
    new MutationObserver((records) => {
      for (const record of records) {
        if (!live(record.target)) continue;
        if (record.type === 'characterData') said.push(record.target.textContent?.trim() ?? '');
        for (const node of record.addedNodes) {
          const text = node.textContent?.trim();
          if (text) said.push(text);
        }
      }
    }).observe(root, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __said: string[] }).__said.filter(Boolean));
}

test('each bot and agent message is announced once with its sender; typing and delivery are silent', async ({
  page,
  openHost,
}) => {
  const w = await openHost(page);
  await w.openChat();
  const said = await listen(page);

  await w.send('hello there');
  await expect(w.log.locator('[data-sender="bot"]').last()).toContainText('What would you like to see?');
  await expect.poll(said).toContainEqual(expect.stringMatching(/^Assistant: Hi! I’m|^Assistant: Hi! I'm/));

  await w.send('pause');
  await expect(w.panel.getByText(/typing/i)).toBeAttached();
  await expect(w.panel.getByText(/typing/i)).toHaveCount(0, { timeout: 8000 });
  await expect.poll(async () => (await said()).length).toBeGreaterThanOrEqual(2);

  await w.send('talk to a human agent');
  await expect(w.log.locator('[data-sender="agent"]').first()).toBeVisible({ timeout: 10_000 });
  await expect
    .poll(said, { timeout: 10_000 })
    .toContainEqual(expect.stringMatching(/^Dana: Hi, I’m Dana|^Dana: Hi, I'm Dana/));

  // Scroll the log to its start and back: rows re-render, nothing is announced again.
  const before = await said();
  await w.log.evaluate((el) => {
    el.scrollTop = 0;
  });
  await page.waitForTimeout(300);
  await w.log.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await page.waitForTimeout(300);

  const all = await said();
  expect(
    all.slice(before.length).filter((s) => !/^Dana:|^Assistant:/.test(s) && !/person|joined/i.test(s)),
  ).toEqual([]);
  // Never the visitor's own words, typing indicators or delivery states.
  for (const line of all) {
    expect(line).not.toMatch(/typing/i);
    expect(line).not.toMatch(/^(Sending…|Sent|Not sent)$/);
    expect(line).not.toMatch(/^You:/);
  }
  // Each message once: no announcement repeats.
  const messages = all.filter((s) => /^(Assistant|Dana):/.test(s));
  expect(new Set(messages).size).toBe(messages.length);
  expect(messages.length).toBeGreaterThanOrEqual(4);
});

test('messages restored from history on load are not read out again', async ({ page, openHost }) => {
  const w = await openHost(page);
  await w.openChat();
  await w.send('hello');
  await expect(w.log.locator('[data-sender="bot"]')).toHaveCount(2);
  await page.reload();
  const said = await listen(page);
  await w.launcher.click();
  await expect(w.log.locator('[data-sender="bot"]').first()).toBeVisible();
  await page.waitForTimeout(500);
  expect((await said()).filter((s) => /^Assistant:/.test(s))).toEqual([]);
});
