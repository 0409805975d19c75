/** Restore, error paths, storage failures, giving up and retrying, keepalive, and hostile or heavy input. */
import type { Page } from '@playwright/test';
import { expect, storedConversationId, test, type Widget } from './support/fixtures';

async function chatted(w: Widget, words: string[]): Promise<void> {
  await w.openChat();
  for (const word of words) {
    await w.send(word);
    await expect(w.log.locator('[data-sender="user"]').last()).toContainText(word);
  }
  await expect(w.log.locator('[data-delivery="sending"]')).toHaveCount(0);
}

const botReply = (text: string) => ({
  event_type: 'bot_message',
  event_payload: { type: 'message_create', bot: {}, content: [{ type: 'text', text }] },
});

test.describe('restore after reload', { tag: '@every-mode' }, () => {
  for (const shape of ['messages', 'transcript'] as const) {
    test(`renders the history (${shape} shape) before anything new, without a new conversation`, async ({
      page,
      openHost,
      hub,
    }) => {
      hub.control.setOptions({ transcriptShape: shape });
      try {
        const w = await openHost(page);
        await chatted(w, ['first question', 'second question']);
        const conversationId = await storedConversationId(page);
        const starts = (await hub.control.frames({ type: 'conversation_start' })).length;
        await page.reload();
        await expect(w.launcher).toBeVisible();
        // A stored conversation loads the app at once; its history is there when the panel opens.
        await w.launcher.click();
        const users = w.log.locator('[data-sender="user"]');
        await expect(users).toHaveText(['first question', 'second question'].map((t) => new RegExp(t)));
        await expect(w.log.locator('[data-sender="bot"]').first()).toBeVisible();
        expect(await storedConversationId(page)).toBe(conversationId);
        expect((await hub.control.frames({ type: 'conversation_start' })).length).toBe(starts);
        await w.send('after reload');
        await expect(users.last()).toContainText('after reload');
        await expect(users).toHaveCount(3);
      } finally {
        hub.control.setOptions({ transcriptShape: 'messages' });
      }
    });
  }

  test('the unread count survives a reload', async ({ page, openHost, hub }) => {
    const w = await openHost(page);
    await chatted(w, []);
    await page.keyboard.press('Escape');
    const conversationId = await storedConversationId(page);
    hub.control.push(conversationId, botReply('unread one'));
    hub.control.push(conversationId, botReply('unread two'));
    await expect(page.getByRole('button', { name: /Open chat, 2 unread/ })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: /Open chat, 2 unread/ })).toBeVisible();
  });
});

test.describe('errors from the hub', () => {
  for (const form of ['top-level', 'nested'] as const) {
    test(`400 Invalid conversation_id (${form}): a new conversation, and the visitor is told`, async ({
      page,
      openHost,
      hub,
    }) => {
      const w = await openHost(page);
      await chatted(w, ['hello']);
      const old = await storedConversationId(page);
      const payload = {
        conversation_id: old,
        error_code: form === 'nested' ? '400' : 400,
        error_desc: 'Invalid conversation_id',
      };
      hub.control.push(
        old,
        form === 'nested'
          ? {
              event_type: 'conversation_update',
              event_payload: { event_type: 'general_error', event_payload: payload },
            }
          : { event_type: 'general_error', event_payload: payload },
      );
      await expect(w.log.locator('[data-sender="system"]').last()).toContainText('A new one has started');
      await expect.poll(() => storedConversationId(page)).not.toBe(old);
      await expect.poll(() => storedConversationId(page)).not.toBe('');
    });
  }

  test('unknown and garbage frames are ignored and the chat carries on', async ({ page, openHost, hub }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const w = await openHost(page);
    await chatted(w, []);
    const id = await storedConversationId(page);
    for (const frame of [
      'not json',
      '[]',
      '42',
      '{"event":{"event_type":"mystery","event_payload":{}}}',
      '{"__proto__":{"polluted":1},"event_type":"bot_message","event_payload":{"content":[{"type":"text","text":"proto"}],"__proto__":{"polluted":2}}}',
    ])
      hub.control.push(id, JSON.parse(JSON.stringify({ raw: frame })).raw);
    await w.send('still working');
    await expect(w.log.locator('[data-sender="bot"]').last()).toContainText('still working');
    expect(await page.evaluate(() => (({}) as { polluted?: number }).polluted)).toBeUndefined();
    expect(errors).toEqual([]);
  });
});

test.describe('storage', () => {
  test('works when reading localStorage throws (blocked third-party storage)', async ({ page, openHost }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const w = await openHost(page);
    await chatted(w, ['no storage here']);
    await expect(w.log.locator('[data-sender="bot"]').last()).toContainText('no storage here');
    expect(errors).toEqual([]);
  });

  test('persist=none keeps nothing in any storage', async ({ page, openHost }) => {
    const w = await openHost(page, { cfg: { persist: 'none' } });
    await chatted(w, ['ephemeral']);
    const keys = await page.evaluate(() => [
      ...Object.keys(localStorage).filter((k) => k.startsWith('captivate-chat:')),
      ...Object.keys(sessionStorage).filter((k) => k.startsWith('captivate-chat:')),
    ]);
    expect(keys).toEqual([]);
  });
});

test.describe('connection', () => {
  test('gives up after the configured tries, says so, and Retry reconnects', async ({
    page,
    openHost,
    hub,
  }) => {
    const w = await openHost(page, { cfg: { 'max-retries': '2' } });
    await chatted(w, []);
    hub.control.refuse(60_000);
    hub.control.drop();
    await expect(w.panel.getByRole('status').filter({ hasText: 'Can’t reach the chat server.' })).toBeVisible(
      {
        timeout: 20_000,
      },
    );
    await w.send('typed while down');
    await expect(w.log.locator('[data-sender="user"]').last()).toContainText('typed while down');
    hub.control.refuse(0);
    await w.panel.getByRole('button', { name: 'Retry', exact: true }).click();
    await expect(w.log.locator('[data-sender="bot"]').last()).toContainText('typed while down');
  });

  test('a keepalive goes out on an idle socket before the gateway would close it', async ({
    page,
    openHost,
    hub,
  }) => {
    await page.clock.install();
    const w = await openHost(page);
    await chatted(w, []);
    const before = (await hub.control.frames({ type: 'metadata_request' })).length;
    await page.clock.runFor(5 * 60_000 + 1000);
    await expect
      .poll(async () => (await hub.control.frames({ type: 'metadata_request' })).length)
      .toBeGreaterThan(before);
  });

  test('a message over the 32 KB frame limit is refused with a clear error and kept in the composer', async ({
    page,
    openHost,
    hub,
  }) => {
    const w = await openHost(page);
    await chatted(w, []);
    const before = (await hub.control.frames({ type: 'user_message' })).length;
    const text = 'x'.repeat(40_000);
    await w.composer.fill(text);
    await w.composer.press('Enter');
    await expect(w.panel.getByRole('alert')).toContainText('too long');
    await expect(w.composer).toHaveValue(text);
    expect((await hub.control.frames({ type: 'user_message' })).length).toBe(before);
  });
});

test.describe('heavy input', () => {
  async function longTasks(page: Page): Promise<void> {
    await page.evaluate(() => {
      const tasks: number[] = [];
      (window as unknown as { __tasks: number[] }).__tasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
  }
  const longest = (page: Page) =>
    page.evaluate(() => Math.max(0, ...(window as unknown as { __tasks: number[] }).__tasks));

  test('a 1 MB bot message is shown truncated with "Show more", without a long task over 200 ms', {
    tag: '@solo',
  }, async ({ page, openHost, hub }) => {
    const w = await openHost(page);
    await chatted(w, []);
    await longTasks(page);
    const huge = `# Huge\n${'lorem ipsum **dolor** sit amet '.repeat(34_000)}`;
    // About rendering a huge message: the gateway's 128 KB limit on pushed frames is lifted for it.
    const limit = hub.control.options().maxFrameOut;
    hub.control.setOptions({ maxFrameOut: 16 * 1024 * 1024 });
    hub.control.push(await storedConversationId(page), botReply(huge));
    const more = w.log.getByRole('button', { name: 'Show more' });
    await expect(more).toBeVisible();
    hub.control.setOptions({ maxFrameOut: limit });
    const shown = await w.log
      .locator('[data-sender="bot"]')
      .last()
      .evaluate((el) => el.textContent?.length ?? 0);
    expect(shown).toBeLessThan(20_000);
    expect(await longest(page)).toBeLessThan(200);
  });

  test('a burst of 1,000 messages renders in order without freezing the page', async ({
    page,
    openHost,
    hub,
  }) => {
    const w = await openHost(page);
    await chatted(w, []);
    await page.evaluate(() => {
      (window as unknown as { __burst: string[] }).__burst = [];
      window.addEventListener('captivate:message', (e) => {
        const text = (e as CustomEvent).detail.text as string;
        if (text.startsWith('burst ')) (window as unknown as { __burst: string[] }).__burst.push(text);
      });
    });
    await longTasks(page);
    const id = await storedConversationId(page);
    for (let i = 1; i <= 1000; i++) hub.control.push(id, botReply(`burst ${i}`));
    await expect(w.log.getByText('burst 1000', { exact: true })).toBeVisible({ timeout: 20_000 });
    const received = await page.evaluate(() => (window as unknown as { __burst: string[] }).__burst);
    expect(received).toEqual(Array.from({ length: 1000 }, (_, i) => `burst ${i + 1}`));
    // The page still answers: a host button is clickable at once.
    await page.getByRole('button', { name: 'Host button' }).click({ timeout: 1000 });
    expect(await longest(page)).toBeLessThan(1000);
  });
});
