/** The JS API, host events (callbacks and `captivate:*` DOM events), the pre-load queue and configuration. */
import { expect, test } from './support/fixtures';

declare global {
  interface Window {
    CaptivateChat: Record<string, (...args: unknown[]) => unknown>;
    __events: unknown[];
    __dom: Array<{ name: string; detail: Record<string, unknown> }>;
  }
}

const EVENTS = ['ready', 'open', 'close', 'message', 'action', 'status', 'conversation', 'error', 'unread'];

test('every JS API method works and every event is reported both ways', async ({ page, openHost, hub }) => {
  const w = await openHost(page);
  await page.waitForFunction(() => typeof window.CaptivateChat?.on === 'function');
  await page.evaluate((names) => {
    window.__events = [];
    window.__dom = [];
    for (const name of names) {
      window.CaptivateChat.on!(name as 'ready', (detail: unknown) => window.__events.push({ name, detail }));
      window.addEventListener(`captivate:${name}`, (e) =>
        window.__dom.push({ name, detail: (e as CustomEvent).detail }),
      );
    }
  }, EVENTS);
  const names = async (source: '__events' | '__dom') =>
    page.evaluate((s) => (window[s] as Array<{ name: string }>).map((e) => e.name), source);

  // A late on('ready') fires at once.
  await expect.poll(() => names('__events')).toContain('ready');

  await page.evaluate(() =>
    window.CaptivateChat.identify!({ userId: 'api-user', firstName: 'Ada', email: 'ada@example.com' }),
  );
  await page.evaluate(() => window.CaptivateChat.setMetadata!({ plan: 'gold' }));
  await page.evaluate(() => window.CaptivateChat.open!());
  await expect(w.panel).toBeVisible();
  await expect
    .poll(() => names('__events'))
    .toEqual(expect.arrayContaining(['open', 'status', 'conversation', 'message']));

  const start = (await hub.control.frames({ type: 'conversation_start' })).at(-1)!;
  expect(start.payload).toMatchObject({
    userId: 'api-user',
    userBasicInfo: { firstName: 'Ada', email: 'ada@example.com' },
    metadata: { plan: 'gold' },
  });

  await page.evaluate(() => window.CaptivateChat.send!('action'));
  await expect.poll(() => names('__events')).toContain('action');
  const action = await page.evaluate(
    () =>
      (window.__events as Array<{ name: string; detail: Record<string, unknown> }>).find(
        (e) => e.name === 'action',
      )!.detail,
  );
  // The hub sent the id with a trailing space: the host gets it trimmed.
  expect(action).toEqual({
    id: 'redirectToContactUs',
    data: { url: `${hub.httpUrl}/pages/contact` },
    type: 'normal',
  });

  await page.evaluate(() => window.CaptivateChat.sendAction!('customThing', { a: 1 }));
  await expect
    .poll(async () =>
      (await hub.control.frames({ type: 'action' })).some(
        (f) => (f.payload as { id: string }).id === 'customThing',
      ),
    )
    .toBe(true);

  await page.evaluate(() => window.CaptivateChat.setMetadata!({ page: '/pricing' }));
  await expect
    .poll(async () =>
      (await hub.control.frames({ type: 'metadata' })).some((f) =>
        JSON.stringify(f.payload).includes('/pricing'),
      ),
    )
    .toBe(true);

  const messages = await page.evaluate(() =>
    (window.__events as Array<{ name: string; detail: Record<string, unknown> }>)
      .filter((e) => e.name === 'message')
      .map((e) => e.detail),
  );
  const user = messages.find((m) => m.sender === 'user' && m.text === 'action')!;
  expect(user).toMatchObject({ sender: 'user', text: 'action', history: false });
  expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(typeof user.at).toBe('number');
  expect(user.conversationId).toBeTruthy();
  expect(messages.some((m) => m.sender === 'bot' && (m.text as string).length > 0)).toBe(true);
  expect(messages.every((m) => !(m.sender === 'user' && m.text === ''))).toBe(true);

  await page.evaluate(() => window.CaptivateChat.close!());
  await expect(w.panel).toBeHidden();
  await page.evaluate(() => window.CaptivateChat.toggle!());
  await expect(w.panel).toBeVisible();

  const before = await page.evaluate(() =>
    (window.__events as Array<{ name: string; detail: { conversationId?: string } }>)
      .filter((e) => e.name === 'conversation')
      .map((e) => e.detail.conversationId),
  );
  await page.evaluate(() => window.CaptivateChat.newConversation!());
  await expect
    .poll(() =>
      page.evaluate(
        () => (window.__events as Array<{ name: string }>).filter((e) => e.name === 'conversation').length,
      ),
    )
    .toBe(before.length + 1);

  // Hub errors reach the host as `error` events.
  await w.send('error');
  await expect.poll(() => names('__events')).toContain('error');

  // Both channels saw the same events.
  const callbacks = await names('__events');
  const dom = await names('__dom');
  for (const name of EVENTS.filter((n) => n !== 'ready' && n !== 'unread')) {
    expect(callbacks, name).toContain(name);
    expect(dom, name).toContain(name);
  }

  await page.evaluate(() => window.CaptivateChat.destroy!());
  await expect(page.locator('captivate-chat')).toHaveCount(0);
});

test('calls made before the loader ran are queued and replayed', async ({ page, openHost, hub }) => {
  const w = await openHost(page, { queue: true });
  await expect(w.panel).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__events)).toContain('ready');
  await expect
    .poll(async () =>
      (await hub.control.frames({ type: 'conversation_start' })).some((f) =>
        JSON.stringify(f.payload).includes('queued'),
      ),
    )
    .toBe(true);
});

test('an invalid value is reported by key and the default is used', async ({ page, openHost }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  const w = await openHost(page, {
    cfg: { position: 'middle', 'max-file-size': 'lots', 'primary-color': 'url(javascript:alert(1))' },
  });
  await expect(w.launcher).toBeVisible();
  // The loader reads the launcher's keys at once …
  await expect.poll(() => errors.join('\n')).toContain('data-position');
  expect(errors.join('\n')).toContain('data-primary-color');
  const box = await w.launcher.boundingBox();
  expect(box!.x).toBeGreaterThan(page.viewportSize()!.width / 2);
  const bg = await w.launcher.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(11, 95, 255)');
  // … and the application the rest, when it loads.
  await w.launcher.click();
  await expect.poll(() => errors.join('\n')).toContain('data-max-file-size');
  expect(errors.filter((e) => e.includes('data-max-file-size'))).toHaveLength(1);
});

test('without an api key no launcher is drawn, the API exists and says why', async ({ page, openHost }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await openHost(page, { cfg: { 'api-key': '' } });
  await page.waitForFunction(() => typeof window.CaptivateChat?.open === 'function');
  await expect(page.getByRole('button', { name: 'Open chat' })).toHaveCount(0);
  await page.evaluate(() => window.CaptivateChat.open!());
  expect(errors.join('\n')).toContain('api-key');
});

test('position left and a brand colour apply', async ({ page, openHost }) => {
  const w = await openHost(page, { cfg: { position: 'left', 'primary-color': '#ff0066' } });
  const box = await w.launcher.boundingBox();
  expect(box!.x).toBeLessThan(100);
  const bg = await w.launcher.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(255, 0, 102)');
});

test("the host page styles the panel, the log, the composer and each sender's bubbles with ::part()", async ({
  page,
  openHost,
}) => {
  const w = await openHost(page);
  await page.addStyleTag({
    content: `
      captivate-chat::part(panel) { border-radius: 3px; }
      captivate-chat::part(header) { background-color: rgb(10, 20, 30); }
      captivate-chat::part(log) { background-color: rgb(40, 50, 60); }
      captivate-chat::part(composer) { background-color: rgb(70, 80, 90); }
      captivate-chat::part(bubble-user) { background-color: rgb(1, 2, 3); }
      captivate-chat::part(bubble-bot) { background-color: rgb(4, 5, 6); }
    `,
  });
  await w.openChat();
  await w.send('styled by the host');
  const style = (locator: ReturnType<typeof page.locator>, property: string) =>
    locator.evaluate((el, name) => getComputedStyle(el).getPropertyValue(name), property);
  expect(await style(w.panel, 'border-top-left-radius')).toBe('3px');
  expect(await style(w.panel.locator('[part~="header"]'), 'background-color')).toBe('rgb(10, 20, 30)');
  expect(await style(w.log, 'background-color')).toBe('rgb(40, 50, 60)');
  expect(await style(w.panel.locator('[part~="composer"]'), 'background-color')).toBe('rgb(70, 80, 90)');
  const userBubble = w.log
    .locator('[data-sender="user"] [part~="bubble"]')
    .filter({ hasText: 'styled by the host' });
  expect(await style(userBubble, 'background-color')).toBe('rgb(1, 2, 3)');
  expect(await style(w.log.locator('[data-sender="bot"] [part~="bubble"]').first(), 'background-color')).toBe(
    'rgb(4, 5, 6)',
  );
});

test('the application chunk loads only on intent', async ({ page, openHost }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const w = await openHost(page);
  await expect(w.launcher).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(scripts).toEqual(['/captivate-chat.js']);
  await w.launcher.hover();
  await expect.poll(() => scripts.length).toBeGreaterThan(1);
});
