/**
 * Error paths a visitor meets rarely and a test meets never unless it drives them: a large message whose link
 * fails or whose fetching code cannot be fetched, the browser coming back online or to the tab while the
 * widget waits out a backoff, every configuration key with a bad value, and a browser without
 * BroadcastChannel.
 */
import type { Page } from '@playwright/test';
import { failChunk } from './support/chunks';
import { expect, hostUrl, storedConversationId, test, widgetLocators } from './support/fixtures';

declare global {
  interface Window {
    __statuses: Array<{ state: string; retryInMs?: number }>;
    __errors: Array<{ code: unknown; message: string }>;
  }
}

async function recordStatusAndErrors(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__statuses = [];
    window.__errors = [];
    window.addEventListener('captivate:status', (e) => window.__statuses.push((e as CustomEvent).detail));
    window.addEventListener('captivate:error', (e) => window.__errors.push((e as CustomEvent).detail));
  });
}

test('a large message whose link fails is told to the visitor and the host (413)', async ({
  page,
  openHost,
  hub,
}) => {
  await recordStatusAndErrors(page);
  const w = await openHost(page);
  await w.openChat();
  const conversationId = await storedConversationId(page);
  hub.control.push(conversationId, {
    event_type: 'general_error',
    event_payload: {
      conversation_id: conversationId,
      error_code: 413,
      error_desc: 'Message too large',
      message_link: `${hub.httpUrl}/large-message/no-such-message`,
    },
  });
  await expect(w.log.locator('[data-sender="system"]')).toContainText('(413)');
  await expect.poll(() => page.evaluate(() => window.__errors.map((e) => e.code))).toContain(413);
  await expect(w.composer).toBeEditable();
});

test('a large message whose fetching code cannot be fetched is told (413), and the next one fetches the code and shows', async ({
  page,
  openHost,
}) => {
  const offline = await failChunk(page, /\/assets\/message-link-[^/]*\.js$/, { once: true });
  await recordStatusAndErrors(page);
  const w = await openHost(page);
  await w.openChat();
  const bot = w.log.locator('[data-sender="bot"]');
  const before = await bot.count();
  await w.send('long');
  await expect(w.log.locator('[data-sender="system"]')).toContainText('(413)');
  await expect.poll(() => page.evaluate(() => window.__errors.map((e) => e.code))).toContain(413);
  expect(offline.failures()).toBe(1);
  await expect(bot).toHaveCount(before);
  await w.send('long');
  await expect(bot).toHaveCount(before + 1);
  await expect(bot.last()).not.toBeEmpty();
});

for (const [name, wake] of [
  [
    'the browser comes back online',
    () => {
      window.dispatchEvent(new Event('online'));
    },
  ],
  [
    'the tab becomes visible',
    () => {
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    },
  ],
] as const) {
  test(`a reconnect waiting out a long backoff happens at once when ${name}`, async ({
    page,
    openHost,
    hub,
  }) => {
    test.setTimeout(60_000);
    await recordStatusAndErrors(page);
    const w = await openHost(page);
    await w.openChat();
    hub.control.refuse(60_000);
    try {
      hub.control.drop();
      // Refused attempts double the backoff: wait until the next one is at least 4 s away.
      await expect
        .poll(() => page.evaluate(() => window.__statuses.at(-1)?.retryInMs ?? 0), { timeout: 30_000 })
        .toBeGreaterThanOrEqual(4_000);
      const waitingSince = Date.now();
      hub.control.refuse(0);
      await page.evaluate(wake);
      await expect.poll(() => page.evaluate(() => window.__statuses.at(-1)?.state)).toBe('connected');
      expect(Date.now() - waitingSince).toBeLessThan(3_000);
    } finally {
      hub.control.refuse(0);
    }
    await w.send('back again');
    await expect(w.log.locator('[data-sender="bot"]').last()).toContainText('back again');
  });
}

test('every configuration key with a bad value is reported by name and the widget works on defaults', async ({
  page,
  openHost,
  site,
}) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  const bad: Record<string, string> = {
    url: 'ftp://hub.example',
    'send-mode': 'pigeon',
    'http-url': 'not a url',
    'user-email': 'not-an-email',
    metadata: '[1,2]',
    start: 'whenever',
    avatar: 'javascript:alert(1)',
    'primary-color': 'url(x)',
    position: 'middle',
    theme: 'neon',
    open: 'perhaps',
    locale: '12',
    'human-button': 'maybe',
    attachments: 'sometimes',
    'max-file-size': '-5',
    'upload-url': 'file:///etc/passwd',
    persist: 'forever',
    'allowed-origins': 'https://*.example.com',
    'keepalive-ms': 'often',
    'max-retries': '0.5',
    'agent-wait-ms': 'soon',
    strings: '{"send": ',
  };
  // The hub's url is the one key without which nothing works: keep it valid, check it apart below.
  const { url: badUrl, ...rest } = bad;
  const w = await openHost(page, { cfg: rest });
  await expect(w.launcher).toBeVisible();
  await w.openChat();
  for (const key of Object.keys(rest)) await expect.poll(() => errors.join('\n')).toContain(`data-${key}`);
  expect(errors.join('\n')).toContain('no "*"');
  await w.send('still works');
  await expect(w.log.locator('[data-sender="bot"]').last()).toContainText('still works');

  const urlErrors: string[] = [];
  const other = await page.context().newPage();
  other.on('console', (msg) => {
    if (msg.type() === 'error') urlErrors.push(msg.text());
  });
  await other.goto(hostUrl(site, { cfg: { url: badUrl! } }));
  await expect.poll(() => urlErrors.join('\n')).toContain('data-url');
});

test('without BroadcastChannel, two tabs still share the conversation through storage events', async ({
  context,
  site,
}) => {
  await context.addInitScript(() => {
    Reflect.deleteProperty(window, 'BroadcastChannel');
  });
  const first = await context.newPage();
  await first.goto(hostUrl(site));
  const a = widgetLocators(first);
  await a.openChat();
  const second = await context.newPage();
  await second.goto(hostUrl(site));
  const b = widgetLocators(second);
  await expect(b.panel).toBeVisible();
  await b.send('typed in the second tab');
  for (const w of [a, b]) {
    await expect(w.log.locator('[data-sender="user"]').last()).toContainText('typed in the second tab');
    await expect(w.log.locator('[data-sender="bot"]').last()).toContainText('typed in the second tab');
  }
  expect(await storedConversationId(second)).toBe(await storedConversationId(first));
});

test('markdown whose renderer chunk fails to load is shown as its text, and the next message loads it again', async ({
  page,
  openHost,
  hub,
}) => {
  const w = await openHost(page);
  await w.openChat();
  const conversationId = await storedConversationId(page);
  const markdown = (id: string, text: string) => ({
    event_type: 'bot_message',
    event_payload: { type: 'message_create', ch_msg_id: id, content: [{ type: 'text', text }] },
  });
  const blocked = /\/assets\/render-markdown-[^/]*\.js$/;
  await page.route(blocked, (route) => route.abort('failed'));
  hub.control.push(conversationId, markdown('md-1', 'A **first** answer'));
  const first = w.log.locator('[data-message-id="md-1"]');
  await expect(first).toContainText('A **first** answer');
  await expect(first.locator('strong')).toHaveCount(0);
  await page.unroute(blocked);
  hub.control.push(conversationId, markdown('md-2', 'A **second** answer'));
  await expect(w.log.locator('[data-message-id="md-2"] strong')).toHaveText('second');
  await expect(w.composer).toBeEditable();
});

test('a message that cannot be rendered is left out; the rest of the conversation and the composer carry on', async ({
  page,
  openHost,
  hub,
}) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  // A browser quirk stood in by a host script: setting an image's source throws, so a card with an image
  // cannot be rendered.
  await page.addInitScript(() => {
    const refuse = (value: unknown) => {
      if (String(value).includes('crash.example')) throw new Error('image refused');
    };
    const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!;
    Object.defineProperty(HTMLImageElement.prototype, 'src', {
      ...src,
      set(value: string) {
        refuse(value);
        src.set!.call(this, value);
      },
    });
    const setAttribute = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (name: string, value: string) {
      if (name === 'src') refuse(value);
      setAttribute.call(this, name, value);
    };
  });
  const w = await openHost(page);
  await w.openChat();
  const conversationId = await storedConversationId(page);
  hub.control.push(conversationId, {
    event_type: 'bot_message',
    event_payload: {
      ch_msg_id: 'crash-1',
      content: [
        { type: 'cards', cards: [{ text: 'Broken card', image_url: 'https://crash.example/a.png' }] },
      ],
    },
  });
  hub.control.push(conversationId, {
    event_type: 'bot_message',
    event_payload: { ch_msg_id: 'after-1', content: [{ type: 'text', text: 'after the broken one' }] },
  });
  await expect(w.log.getByText('after the broken one')).toBeVisible();
  await expect.poll(() => errors.join('\n')).toContain('a message could not be rendered');
  await expect(w.log.locator('img[src*="crash.example"]')).toHaveCount(0);
  await w.send('still here');
  await expect(w.log.locator('[data-sender="bot"]').last()).toContainText('still here');
});
