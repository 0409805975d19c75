/**
 * The conversation menu (with the confirmation dialog), the history view and the card carousel are chunks of
 * their own, fetched when first wanted: the first open fetches none of them; the menu opens on the first press
 * even while its chunk is on its way; a chunk that failed to load (offline) is fetched again by the next want;
 * each chunk's styles come with it, follow the tokens, and go into the shadow root once; and no import of a
 * chunk touches the host page (src/lazy/import-chunk.ts).
 */
import type { Page, Route } from '@playwright/test';
import { failChunk } from './support/chunks';
import { expect, storedConversationId, test, userMessageWith, type Widget } from './support/fixtures';

const MENU_CHUNK = /\/assets\/menu-chunk-[^/]*\.js$/;
const CARDS_CHUNK = /\/assets\/card-carousel-[^/]*\.js$/;
const HISTORY_CHUNK = /\/assets\/history-panel-[^/]*\.js$/;

/** Requests for `pattern` wait until `release()`, so a test can act while the chunk is on its way. */
async function holdChunk(page: Page, pattern: RegExp) {
  const held: Route[] = [];
  let requested!: () => void;
  const firstRequest = new Promise<void>((resolve) => {
    requested = resolve;
  });
  let holding = true;
  await page.route(pattern, (route) => {
    if (!holding) return route.continue();
    held.push(route);
    requested();
  });
  return {
    firstRequest,
    async release() {
      holding = false;
      await Promise.all(held.map((route) => route.continue()));
    },
  };
}

const menuButton = (w: Widget) => w.panel.getByRole('button', { name: 'Conversation menu' });
const menu = (w: Widget) => w.panel.getByRole('menu', { name: 'Conversation menu' });

test('the first open fetches none of the menu, the history view and the cards; the pointer over the menu button fetches the menu', async ({
  page,
  openHost,
}) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(request.url()));
  const w = await openHost(page);
  await w.openChat();
  await page.waitForLoadState('networkidle');
  expect(
    fetched.filter((url) => [MENU_CHUNK, CARDS_CHUNK, HISTORY_CHUNK].some((chunk) => chunk.test(url))),
  ).toEqual([]);
  await menuButton(w).hover();
  await expect.poll(() => fetched.filter((url) => MENU_CHUNK.test(url)).length).toBe(1);
  await expect(menuButton(w)).toHaveAttribute('aria-expanded', 'false');
  await expect(menu(w)).toHaveCount(0);
});

for (const [key, start] of [
  ['Enter', 'first'],
  ['Space', 'first'],
  ['ArrowDown', 'first'],
  ['ArrowUp', 'last'],
] as const) {
  test(`${key} on the menu button while its chunk is on its way opens the menu on its ${start} item`, async ({
    page,
    openHost,
  }) => {
    const chunk = await holdChunk(page, MENU_CHUNK);
    const w = await openHost(page);
    await w.openChat();
    // Focus on the button asks for the chunk, which is held until the key was pressed.
    await menuButton(w).focus();
    await chunk.firstRequest;
    await page.keyboard.press(key);
    await expect(menuButton(w)).toHaveAttribute('aria-expanded', 'false');
    await chunk.release();
    const items = menu(w).getByRole('menuitem');
    await expect(start === 'first' ? items.first() : items.last()).toBeFocused();
    await expect(menuButton(w)).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(menu(w)).toHaveCount(0);
    await expect(menuButton(w)).toBeFocused();
    await expect(w.panel).toBeVisible();
  });
}

test('a menu chunk that cannot be fetched leaves the menu closed, and the next press fetches it and opens', async ({
  page,
  openHost,
}) => {
  const offline = await failChunk(page, MENU_CHUNK);
  const w = await openHost(page);
  await w.openChat();
  await menuButton(w).click();
  await expect.poll(offline.failures).toBeGreaterThan(0);
  await expect(menuButton(w)).toHaveAttribute('aria-expanded', 'false');
  await expect(menu(w)).toHaveCount(0);
  await expect(w.composer).toBeEditable();
  await offline.restore();
  await menuButton(w).click();
  await expect(menu(w)).toBeVisible();
  await expect(menu(w).getByRole('menuitem').first()).toBeFocused();
  // The confirmation dialog came with the same chunk.
  await menu(w).getByRole('menuitem', { name: 'Delete conversation' }).click();
  const dialog = w.panel.getByRole('alertdialog', { name: 'Delete conversation' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(menuButton(w)).toBeFocused();
});

test('a history view whose chunk cannot be fetched says so and offers Back; opened again, it lists the conversations', async ({
  page,
  openHost,
}) => {
  const offline = await failChunk(page, HISTORY_CHUNK);
  const w = await openHost(page);
  await w.openChat();
  await expect(w.log.locator('[data-sender="bot"]').first()).toBeVisible();
  const openHistory = async () => {
    await menuButton(w).click();
    await menu(w).getByRole('menuitem', { name: 'Conversations', exact: true }).click();
  };
  await openHistory();
  await expect(w.panel.getByRole('status').filter({ hasText: 'Loading conversations…' })).toBeVisible();
  await expect.poll(offline.failures).toBeGreaterThan(0);
  const back = w.panel.getByRole('button', { name: 'Back' });
  await expect(back).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(w.composer).toBeVisible();
  await expect(menuButton(w)).toBeFocused();

  await offline.restore();
  await openHistory();
  await expect(w.panel.getByRole('heading', { name: 'Conversations' })).toBeFocused();
  await expect(w.panel.getByRole('button', { name: /^Conversation from/ }).first()).toHaveAttribute(
    'aria-current',
    'true',
  );
  await back.click();
  await expect(w.composer).toBeVisible();
});

test('cards whose chunk cannot be fetched keep their place, and show once a later want fetches it', async ({
  page,
  openHost,
  hub,
}) => {
  const offline = await failChunk(page, CARDS_CHUNK);
  const w = await openHost(page);
  await w.openChat();
  const conversationId = await storedConversationId(page);
  const cardsMessage = (id: string, title: string) => ({
    event_type: 'bot_message',
    event_payload: {
      type: 'message_create',
      ch_msg_id: id,
      content: [
        { type: 'cards', cards: [{ text: title, description: 'A card', link: 'https://shop.example/' }] },
      ],
    },
  });
  hub.control.push(conversationId, cardsMessage('cards-1', 'First card'));
  const first = w.log.locator('[data-message-id="cards-1"]');
  await expect(first.locator('.cc-cards-pending')).toBeVisible();
  await expect.poll(offline.failures).toBeGreaterThan(0);
  await expect(first.locator('.cc-card')).toHaveCount(0);
  await offline.restore();
  hub.control.push(conversationId, cardsMessage('cards-2', 'Second card'));
  // Both show: the waiting one as soon as the second message's want brought the chunk.
  await expect(w.log.locator('[data-message-id="cards-2"]').getByText('Second card')).toBeVisible();
  await expect(first.getByText('First card')).toBeVisible();
  await expect(first.locator('.cc-cards-pending')).toHaveCount(0);
  await expect(first.getByRole('link', { name: 'Open link: First card' })).toBeVisible();
});

test('cards arriving at the end of a long log keep it pinned to its end while their chunk loads', async ({
  page,
  openHost,
}) => {
  const chunk = await holdChunk(page, CARDS_CHUNK);
  const w = await openHost(page);
  await w.openChat();
  for (let i = 0; i < 6; i++) await w.send(`filler ${i}`);
  await expect(w.log.locator('[data-sender="bot"]').last()).toContainText('filler 5');
  await w.send('cards');
  await chunk.firstRequest;
  await expect(w.log.locator('.cc-cards-pending').last()).toBeVisible();
  await chunk.release();
  const carousel = w.log.locator('.cc-cards').last();
  await expect(carousel).toBeVisible();
  await expect
    .poll(() => w.log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight))
    .toBeLessThanOrEqual(2);
  await expect(carousel).toBeInViewport();
});

test('the menu, dialog and cards are styled by their chunks, follow the tokens, and add each stylesheet once', async ({
  page,
  openHost,
}) => {
  const w = await openHost(page, { cfg: { theme: 'dark' } });
  await page.addStyleTag({ content: 'captivate-chat { --cc-border-dark: rgb(90, 80, 70); }' });
  await w.openChat();
  const sheets = () =>
    page.evaluate(() => document.querySelector('captivate-chat')!.shadowRoot!.adoptedStyleSheets.length);
  expect(await sheets()).toBe(2); // the loader's and the panel's
  const style = (locator: ReturnType<Page['locator']>, property: string) =>
    locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

  await w.send('cards');
  const card = w.log.locator('.cc-card').first();
  await expect(card).toBeVisible();
  expect(await style(card, 'border-top-color')).toBe('rgb(90, 80, 70)');
  expect(await style(card, 'border-top-left-radius')).toBe('14px');
  expect(await style(w.log.locator('.cc-cards').first(), 'overflow-x')).toBe('auto');

  await menuButton(w).click();
  const item = menu(w).getByRole('menuitem').first();
  await expect(item).toBeFocused();
  expect(await style(menu(w), 'position')).toBe('absolute');
  expect(await style(menu(w), 'border-top-color')).toBe('rgb(90, 80, 70)');
  expect(await style(item, 'min-height')).toBe('40px');
  await menu(w).getByRole('menuitem', { name: 'Delete conversation' }).click();
  const dialog = w.panel.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  expect(await style(dialog, 'border-top-color')).toBe('rgb(90, 80, 70)');
  expect(await style(dialog.getByRole('button', { name: 'Cancel' }), 'border-top-left-radius')).toBe('999px');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await w.send('cards');
  await expect(w.log.locator('.cc-cards')).toHaveCount(2);
  await menuButton(w).click();
  await expect(menu(w)).toBeVisible();
  expect(await sheets()).toBe(4); // and the cards', and the menu's (with the dialog's)
});

test("chunks are imported without touching the host page: no <link> in its head, no vite:preloadError on its window, a chunk's own imports fetched with it", async ({
  page,
  openHost,
  hub,
}) => {
  await page.addInitScript(() => {
    (window as unknown as { preloadErrors: number }).preloadErrors = 0;
    window.addEventListener('vite:preloadError', () => {
      (window as unknown as { preloadErrors: number }).preloadErrors += 1;
    });
  });
  const headLinks = () => page.evaluate(() => document.head.querySelectorAll('link').length);
  const offline = await failChunk(page, MENU_CHUNK);
  // The uploader imports another chunk: both are requested while the uploader's own response is held.
  const uploader = await holdChunk(page, /\/assets\/vendor-uploader-[^/]*\.js$/);
  const uploaderImports = page.waitForRequest(/\/assets\/post-multipart-[^/]*\.js$/);
  const w = await openHost(page);
  const linksBefore = await headLinks();
  await w.openChat();
  await menuButton(w).click();
  await expect.poll(offline.failures).toBeGreaterThan(0);
  await w.panel
    .locator('input[type="file"]')
    .setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await uploader.firstRequest;
  await uploaderImports;
  await uploader.release();
  await expect(w.panel.getByRole('button', { name: 'Remove note.txt' })).toBeVisible();
  await w.composer.fill('with a note');
  await w.composer.press('Enter');
  const conversationId = await storedConversationId(page);
  await expect.poll(() => userMessageWith(hub, conversationId, 'note.txt') !== undefined).toBe(true);
  expect(await headLinks()).toBe(linksBefore);
  expect(await page.evaluate(() => (window as unknown as { preloadErrors: number }).preloadErrors)).toBe(0);
});
