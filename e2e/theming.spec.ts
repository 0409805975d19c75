/**
 * Theming from the host page: design tokens set on `captivate-chat` (the light palette, its -dark twins,
 * the launcher's size and offsets, the z-index), `::part(launcher)`, and setTheme() at run time through the
 * script tag's API and the iframe bridge, with the brand colour's derived values right in either theme.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test, widgetLocators } from './support/fixtures';

// Boxes and colours are read after the panel's entrance and the transitions, not halfway through.
test.use({ reducedMotion: 'reduce' });

const style = (locator: Locator, property: string) =>
  locator.evaluate((el, name) => getComputedStyle(el).getPropertyValue(name).trim(), property);

/** The launcher's box, and its distance from the viewport's right and bottom edges. */
async function launcherPlace(page: Page, launcher: Locator) {
  const box = (await launcher.boundingBox())!;
  const viewport = page.viewportSize()!;
  return {
    width: box.width,
    height: box.height,
    right: viewport.width - box.x - box.width,
    bottom: viewport.height - box.y - box.height,
  };
}

type Theme = 'light' | 'dark' | 'auto';
const setTheme = (page: Page, theme: Theme | string) =>
  page.evaluate((t) => window.CaptivateChat!.setTheme(t as Theme), theme);

const HOST_TOKENS = `
  captivate-chat {
    --cc-background: rgb(250, 240, 230);
    --cc-text: rgb(20, 30, 40);
    --cc-bot-bubble: rgb(230, 220, 210);
    --cc-bot-bubble-text: rgb(60, 10, 10);
    --cc-border: rgb(200, 100, 50);
    --cc-background-dark: rgb(10, 20, 30);
    --cc-text-dark: rgb(240, 230, 220);
    --cc-bot-bubble-dark: rgb(40, 50, 60);
    --cc-launcher-size: 64px;
    --cc-launcher-bottom: 32px;
    --cc-launcher-inline: 40px;
    --cc-z-index: 77;
    --cc-badge: rgb(0, 90, 0);
  }
`;

test('tokens on captivate-chat restyle the launcher, its place, the z-index and both themes’ palettes', async ({
  page,
  openHost,
}) => {
  const w = await openHost(page, { cfg: { theme: 'light', persist: 'none' } });
  await page.addStyleTag({ content: HOST_TOKENS });
  expect(await style(page.locator('captivate-chat'), 'z-index')).toBe('77');
  expect(await launcherPlace(page, w.launcher)).toEqual({ width: 64, height: 64, right: 40, bottom: 32 });

  await w.openChat();
  // The unread badge (drawn once the chat application is here, shown while the panel is closed).
  expect(await style(w.launcher.locator('.badge'), 'background-color')).toBe('rgb(0, 90, 0)');
  // The panel keeps its 16px above the launcher, on its side.
  const panel = (await w.panel.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(Math.round(viewport.height - panel.y - panel.height)).toBe(32 + 64 + 16);
  expect(Math.round(viewport.width - panel.x - panel.width)).toBe(40);

  const bot = w.log.locator('[data-sender="bot"] [part~="bubble"]').first();
  // Focused, the composer's border takes the brand colour: blurred once opening has focused it.
  await expect(w.composer).toBeFocused();
  await w.composer.blur();
  expect(await style(w.panel, 'background-color')).toBe('rgb(250, 240, 230)');
  expect(await style(w.panel, 'color')).toBe('rgb(20, 30, 40)');
  expect(await style(bot, 'background-color')).toBe('rgb(230, 220, 210)');
  expect(await style(bot, 'color')).toBe('rgb(60, 10, 10)');
  await expect
    .poll(() => style(w.panel.locator('.cc-composer-box'), 'border-top-color'))
    .toBe('rgb(200, 100, 50)');

  await setTheme(page, 'dark');
  await expect.poll(() => style(w.panel, 'background-color')).toBe('rgb(10, 20, 30)');
  expect(await style(w.panel, 'color')).toBe('rgb(240, 230, 220)');
  expect(await style(bot, 'background-color')).toBe('rgb(40, 50, 60)');
  // No -dark twin set: the bubble's text follows the dark text, the border keeps the dark default.
  expect(await style(bot, 'color')).toBe('rgb(240, 230, 220)');
  expect(await style(w.panel.locator('.cc-composer-box'), 'border-top-color')).toBe('rgb(48, 52, 60)');

  // `auto` follows the system setting, with the same twins.
  await setTheme(page, 'auto');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => style(w.panel, 'background-color')).toBe('rgb(250, 240, 230)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => style(w.panel, 'background-color')).toBe('rgb(10, 20, 30)');
});

test('with no token set, the defaults are the light and dark palettes', async ({ page, openHost }) => {
  const w = await openHost(page, { cfg: { theme: 'light', persist: 'none' } });
  expect(await style(page.locator('captivate-chat'), 'z-index')).toBe('2147483000');
  expect(await launcherPlace(page, w.launcher)).toEqual({ width: 56, height: 56, right: 20, bottom: 20 });
  await w.openChat();
  const bot = w.log.locator('[data-sender="bot"] [part~="bubble"]').first();
  expect(await style(w.panel, 'background-color')).toBe('rgb(255, 255, 255)');
  expect(await style(bot, 'background-color')).toBe('rgb(240, 242, 245)');
  await setTheme(page, 'dark');
  await expect.poll(() => style(w.panel, 'background-color')).toBe('rgb(22, 24, 28)');
  expect(await style(bot, 'background-color')).toBe('rgb(37, 40, 47)');
  expect(await style(bot, 'color')).toBe('rgb(236, 238, 242)');
});

test('::part(launcher) styles the launcher from the host page', async ({ page, openHost }) => {
  const w = await openHost(page);
  await page.addStyleTag({
    content: 'captivate-chat::part(launcher) { background-color: rgb(12, 34, 56); border-radius: 8px; }',
  });
  await expect(w.launcher).toHaveAttribute('part', 'launcher');
  expect(await style(w.launcher, 'background-color')).toBe('rgb(12, 34, 56)');
  expect(await style(w.launcher, 'border-top-left-radius')).toBe('8px');
});

test('setTheme switches the panel at run time, keeps the brand colour’s contrast, and refuses other values', async ({
  page,
  openHost,
}) => {
  // A light brand colour: as text on the panel it is darkened in the light theme, kept light in the dark one.
  const w = await openHost(page, { cfg: { theme: 'light', 'primary-color': '#ffd400', persist: 'none' } });
  await w.openChat();
  const host = page.locator('captivate-chat');
  const choice = w.panel.getByRole('button', { name: 'Markdown', exact: true });
  const ink = (theme: 'light' | 'dark') =>
    host.evaluate((el, t) => {
      // The computed form of the value brand-colors.ts set (rgb(r g b) → rgb(r, g, b)).
      const probe = document.body.appendChild(document.createElement('i'));
      probe.style.color = getComputedStyle(el).getPropertyValue(`--cc-auto-ink-${t}`);
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    }, theme);
  const lightInk = await ink('light');
  const darkInk = await ink('dark');
  expect(lightInk).not.toBe(darkInk);
  expect(await style(choice, 'border-top-color')).toBe(lightInk);
  expect(await style(w.panel, 'background-color')).toBe('rgb(255, 255, 255)');

  await setTheme(page, 'dark');
  await expect(host).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => style(w.panel, 'background-color')).toBe('rgb(22, 24, 28)');
  expect(await style(choice, 'border-top-color')).toBe(darkInk);
  // The header keeps black text on the yellow brand colour.
  expect(await style(w.panel.locator('[part~="header"]'), 'color')).toBe('rgb(0, 0, 0)');

  await setTheme(page, 'light');
  await expect.poll(() => style(w.panel, 'background-color')).toBe('rgb(255, 255, 255)');
  expect(await style(choice, 'border-top-color')).toBe(lightInk);

  const console: string[] = [];
  page.on('console', (m) => m.type() === 'error' && console.push(m.text()));
  const events = await page.evaluate(async () => {
    const seen: unknown[] = [];
    window.addEventListener('captivate:error', (e) => seen.push(e.detail));
    await window.CaptivateChat!.setTheme('purple' as 'dark');
    return seen;
  });
  expect(events).toEqual([{ code: 'invalid_arguments', message: 'setTheme: invalid arguments' }]);
  await expect.poll(() => console.join('\n')).toContain('setTheme: invalid arguments');
  await expect(host).toHaveAttribute('data-theme', 'light');
  expect(await style(w.panel, 'background-color')).toBe('rgb(255, 255, 255)');
});

test('setTheme through the iframe bridge', async ({ page, site, hub }) => {
  const params = new URLSearchParams({
    'api-key': 'e2e-key',
    url: hub.url,
    theme: 'light',
    'allowed-origins': site.altOrigin,
  });
  const src = `${site.origin}/embed.html?${params}`;
  await page.goto(`${site.altOrigin}/frame-host?src=${encodeURIComponent(src)}`);
  const frame = page.frameLocator('#chat');
  const panel = frame.getByRole('dialog');
  await expect(panel.getByRole('button', { name: 'Send', exact: true })).toBeVisible();
  expect(await style(panel, 'background-color')).toBe('rgb(255, 255, 255)');
  const command = (args: unknown[], id: number) =>
    page.evaluate(
      ([a, i]) =>
        new Promise((resolve) => {
          const iframe = document.querySelector('iframe')!;
          window.addEventListener('message', (e) => {
            if (e.source === iframe.contentWindow && e.data?.type === 'result' && e.data.id === i)
              resolve(e.data);
          });
          iframe.contentWindow!.postMessage(
            { source: 'captivate-chat', type: 'command', command: 'setTheme', args: a, id: i },
            new URL(iframe.src).origin,
          );
        }),
      [args, id] as const,
    );
  expect(await command(['dark'], 1)).toEqual({ source: 'captivate-chat', type: 'result', id: 1 });
  await expect.poll(() => style(panel, 'background-color')).toBe('rgb(22, 24, 28)');
  expect(await command(['sepia'], 2)).toMatchObject({
    id: 2,
    error: 'setTheme: invalid command or arguments',
  });
  expect(await style(panel, 'background-color')).toBe('rgb(22, 24, 28)');
  await expect(widgetLocators(page).launcher).toHaveCount(0);
});

test('the history view, whose styles come with its chunk, is styled and follows the tokens', async ({
  page,
  openHost,
}) => {
  const w = await openHost(page, { cfg: { theme: 'dark', persist: 'none' } });
  await page.addStyleTag({ content: 'captivate-chat { --cc-border-dark: rgb(90, 80, 70); }' });
  await w.openChat();
  await w.panel.getByRole('button', { name: 'Conversation menu' }).click();
  await w.panel.getByRole('menuitem', { name: 'Conversations', exact: true }).click();
  // The drawn view, not the one shown while its chunk is on its way: that one has a Back button too, which
  // the chunk's arrival takes out of the page between finding it and reading its styles.
  const heading = w.panel.getByRole('heading', { name: 'Conversations' });
  const back = w.panel.getByRole('button', { name: 'Back' });
  await expect(heading).toBeVisible();
  expect(await style(back, 'border-top-left-radius')).toBe('999px');
  expect(await style(back, 'border-top-color')).toBe('rgb(90, 80, 70)');
  expect(await style(back, 'background-color')).toBe('rgb(22, 24, 28)');
  // Opened again, the view does not add its stylesheet twice.
  await back.click();
  await w.panel.getByRole('button', { name: 'Conversation menu' }).click();
  await w.panel.getByRole('menuitem', { name: 'Conversations', exact: true }).click();
  await expect(heading).toBeVisible();
  const sheets = await page.evaluate(
    () => document.querySelector('captivate-chat')!.shadowRoot!.adoptedStyleSheets.length,
  );
  expect(sheets).toBe(4); // the loader's, the panel's, the menu's, the history view's
});
