/**
 * Phones, in Playwright's mobile emulation (Pixel 7 and iPhone 13 profiles, on Chromium): the panel is full
 * screen, sized to the visual viewport so the composer stays above the on-screen keyboard with the last
 * message in view, respects the safe-area insets, never zooms on focus (16 px inputs), locks the page's
 * scroll and gives it back, and closes with the Back button or gesture.
 */
import { devices, type Locator, type Page } from '@playwright/test';
import { settled } from './support/a11y';
import { expect, test, type Widget, widgetLocators } from './support/fixtures';
import { installKeyboard } from './support/keyboard';

const PROFILES = {
  'Pixel 7': devices['Pixel 7'],
  'iPhone 13': devices['iPhone 13'],
};

const box = async (page: Page, selector: string) =>
  (await page.locator('captivate-chat').locator(selector).first().boundingBox())!;

/** Sends each text in turn; returns the bot's row that echoes the last one, once it is shown. */
async function converse(w: Widget, texts: string[]): Promise<Locator> {
  for (const text of texts) await w.send(text);
  const last = w.log.locator('[data-sender="bot"]').last();
  await expect(last).toContainText(texts.at(-1)!);
  return last;
}

for (const [profile, device] of Object.entries(PROFILES)) {
  const { defaultBrowserType: _, ...emulation } = device;

  test.describe(profile, () => {
    test.use(emulation);

    test('full screen, 16 px composer, the composer above the keyboard and the last message in view', async ({
      page,
      openHost,
    }) => {
      const keyboard = await installKeyboard(page);
      await openHost(page);
      const w = widgetLocators(page);
      await w.launcher.tap();
      await expect(w.composer).toBeFocused();
      // The panel slides in (0.22 s); its box is measured where it comes to rest.
      await settled(page);
      const { width, height } = page.viewportSize()!;
      const panel = (await w.panel.boundingBox())!;
      for (const [key, value] of Object.entries({ x: 0, y: 0, width, height }))
        expect(panel[key as keyof typeof panel], key).toBeCloseTo(value, 0);
      expect(
        await w.composer.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
      ).toBeGreaterThanOrEqual(16);
      const last = await converse(w, ['help', 'markdown', 'links', 'last one']);

      // The keyboard opens: 320 px of the screen (and iOS scrolls the visual viewport by 80 px).
      const offset = profile.startsWith('iPhone') ? 80 : 0;
      await keyboard(320, offset);
      const visibleBottom = offset + height - 320;
      await expect.poll(async () => Math.round((await w.panel.boundingBox())!.height)).toBe(height - 320);
      expect(Math.round((await w.panel.boundingBox())!.y)).toBe(offset);
      const composer = await box(page, '.cc-composer');
      expect(composer.y + composer.height).toBeLessThanOrEqual(visibleBottom + 1);
      const inLog = async (message: typeof last) => {
        const log = await box(page, '.cc-log');
        const b = (await message.boundingBox())!;
        return b.y >= log.y - 1 && b.y + b.height <= log.y + log.height + 1;
      };
      await expect.poll(() => inLog(last)).toBe(true);

      // A new message while the keyboard is open is in view too.
      await w.send('after the keyboard');
      const newest = w.log.locator('[data-sender="bot"]').last();
      await expect(newest).toContainText('after the keyboard');
      await expect.poll(() => inLog(newest)).toBe(true);

      // The keyboard closes: full height again.
      await keyboard(0);
      await expect.poll(async () => Math.round((await w.panel.boundingBox())!.height)).toBe(height);
    });

    test('the page behind does not scroll, and gets its scroll position back', async ({ page, openHost }) => {
      await openHost(page);
      await page.evaluate(() => {
        const tall = document.createElement('div');
        tall.style.height = '3000px';
        document.body.prepend(tall);
        window.scrollTo(0, 1234);
      });
      const w = widgetLocators(page);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(1234);
      await w.launcher.tap();
      await expect(w.composer).toBeFocused();
      await page.evaluate(() => window.scrollTo(0, 2000));
      await page.mouse.wheel(0, 800);
      expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1)).toBe(
        true,
      );
      expect(await page.evaluate(() => document.body.style.top)).toBe('-1234px');
      await w.panel.getByRole('button', { name: 'Close chat' }).tap();
      await expect(w.panel).toBeHidden();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(1234);
      // Every style the lock set is gone again.
      expect(await page.evaluate(() => document.body.style.cssText)).toBe('');
      expect(await page.evaluate(() => document.documentElement.style.cssText)).toBe('');
    });

    test('Back closes the panel and stays on the page; closing otherwise leaves history as it was', async ({
      page,
      openHost,
    }) => {
      await openHost(page);
      const url = page.url();
      const w = widgetLocators(page);
      const length = await page.evaluate(() => history.length);
      await w.launcher.tap();
      await expect(w.composer).toBeFocused();
      expect(await page.evaluate(() => history.length)).toBe(length + 1);
      await page.goBack();
      await expect(w.panel).toBeHidden();
      expect(page.url()).toBe(url);
      await expect(w.launcher).toBeVisible();

      await w.launcher.tap();
      await expect(w.panel).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(w.panel).toBeHidden();
      // Our entry is gone: the state is the host's again.
      await expect.poll(() => page.evaluate(() => JSON.stringify(history.state))).toBe('null');
    });
  });
}

test.describe('keyboard', () => {
  const { defaultBrowserType: _, ...pixel } = devices['Pixel 7'];
  test.use(pixel);

  test('a keyboard opening in the frame of a scroll towards the end keeps the last message in view', async ({
    page,
    openHost,
  }) => {
    const keyboard = await installKeyboard(page);
    await openHost(page);
    const w = widgetLocators(page);
    await w.launcher.tap();
    await converse(w, ['help', 'markdown', 'links', 'help', 'markdown', 'last one']);
    await settled(page);
    const log = page.locator('captivate-chat').locator('.cc-log');
    // 40 px above the end: still following it.
    const room = await log.evaluate((el) => {
      el.scrollTop = el.scrollHeight - el.clientHeight - 40;
      return el.scrollHeight - el.clientHeight;
    });
    expect(room).toBeGreaterThan(40);
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    // Back to the end and, before that scroll event is dispatched, the keyboard shrinks the log by 320 px:
    // the event finds the log far from its end, though the reader never went up.
    await log.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
      (window as unknown as { __keyboard: (h: number, o: number) => void }).__keyboard(320, 0);
    });
    await expect
      .poll(async () => Math.round((await w.panel.boundingBox())!.height))
      .toBe(page.viewportSize()!.height - 320);
    await expect
      .poll(() => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight))
      .toBeLessThanOrEqual(1);
    await keyboard(0);
  });
});

test.describe('safe areas', () => {
  const { defaultBrowserType: _, ...iPhone } = devices['iPhone 13'];
  test.use(iPhone);

  test('the header and composer clear the notch and the home indicator', async ({ page, openHost }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send(
      'Emulation.setSafeAreaInsetsOverride' as never,
      {
        insets: { top: 47, bottom: 34, left: 0, right: 0 },
      } as never,
    );
    await openHost(page);
    const w = widgetLocators(page);
    await w.launcher.tap();
    await expect(w.composer).toBeFocused();
    const padding = (selector: string, side: 'top' | 'bottom') =>
      page
        .locator('captivate-chat')
        .locator(selector)
        .evaluate((el, s) => getComputedStyle(el).getPropertyValue(`padding-${s}`), side);
    expect(await padding('.cc-header', 'top')).toBe('59px');
    expect(await padding('.cc-composer', 'bottom')).toBe('46px');
  });
});

test.describe('landscape', () => {
  const { defaultBrowserType: _, viewport, ...pixel } = devices['Pixel 7'];
  test.use({ ...pixel, viewport: { width: viewport.height, height: viewport.width } });

  test('works in either orientation (1.3.4): the composer and the log fit', async ({ page, openHost }) => {
    await openHost(page);
    const w = widgetLocators(page);
    await w.launcher.tap();
    await expect(w.composer).toBeInViewport();
    await expect(w.log.locator('[data-sender="bot"]').first()).toBeVisible();
    await expect(w.panel.getByRole('button', { name: 'Send', exact: true })).toBeInViewport();
  });
});
