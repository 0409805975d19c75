/**
 * Contrast with any brand colour, in the light and the dark theme: every text at 4.5:1 (axe's
 * color-contrast, which reads the rendered colours), and the non-text parts that identify a control or its
 * state at 3:1 (1.4.11): the launcher's and send button's icons on the brand colour, quick-reply borders and
 * focus rings on the panel.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { settled } from './support/a11y';
import { expect, test, widgetLocators } from './support/fixtures';

const BRANDS = ['#0b5fff', '#ffd400', '#00c2a8', '#ff5a5f', '#1f1f1f', 'white'];

/** Contrast of two CSS colours as the browser paints them (through a canvas, so any syntax works). */
function contrastOf(page: Page, a: string, b: string): Promise<number> {
  return page.evaluate(
    ([x, y]) => {
      const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
      const rgb = (c: string) => {
        ctx.clearRect(0, 0, 1, 1);
        ctx.fillStyle = c;
        ctx.fillRect(0, 0, 1, 1);
        return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
      };
      const lum = (c: number[]) =>
        c
          .map((v) => v / 255)
          .map((s) => (s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4))
          .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
      const [l1, l2] = [lum(rgb(x)), lum(rgb(y))].sort((p, q) => q - p) as [number, number];
      return (l1 + 0.05) / (l2 + 0.05);
    },
    [a, b] as const,
  );
}

const style = (locator: Locator, prop: string) =>
  locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);
const panelBackground = (page: Page) => style(widgetLocators(page).panel, 'background-color');

// Colours are read after transitions, not halfway through one.
test.use({ reducedMotion: 'reduce' });

/** Polls (the panel renders and restyles asynchronously) until the pair reaches `min`, or fails naming it. */
async function expectContrast(
  page: Page,
  label: string,
  fg: () => Promise<string>,
  bg: () => Promise<string>,
) {
  await expect
    .poll(async () => contrastOf(page, await fg(), await bg()), { message: label })
    .toBeGreaterThanOrEqual(3);
}

for (const theme of ['light', 'dark'] as const) {
  test(`${theme} theme: text 4.5:1 and controls 3:1 with any brand colour`, async ({ page, openHost }) => {
    test.setTimeout(180_000);
    for (const brand of BRANDS) {
      await openHost(page, { cfg: { theme, 'primary-color': brand, persist: 'none' } });
      const w = widgetLocators(page);
      const launcher = page.locator('captivate-chat').locator('button.launcher');
      await launcher.click();
      await expect(w.log.locator('[data-sender="bot"]').first()).toBeVisible();
      // Once the application is here (before, the icon is white: see docs/accessibility.md, 1.4.11).
      await expectContrast(
        page,
        `${brand}: launcher icon`,
        () => style(launcher.locator('svg'), 'color'),
        () => style(launcher, 'background-color'),
      );
      await w.composer.fill('hello');
      const send = w.panel.getByRole('button', { name: 'Send', exact: true });
      await expect(send).toBeEnabled();
      await expectContrast(
        page,
        `${brand}: send icon`,
        () => style(send.locator('svg'), 'color'),
        () => style(send, 'background-color'),
      );
      const bg = () => panelBackground(page);
      const choice = w.panel.getByRole('button', { name: 'Markdown', exact: true });
      await expectContrast(page, `${brand}: quick reply`, () => style(choice, 'border-top-color'), bg);
      await choice.focus();
      await page.keyboard.press('Shift');
      await expectContrast(page, `${brand}: focus ring`, () => style(choice, 'outline-color'), bg);
      await w.composer.focus();
      await expect(w.composer).toBeFocused();
      const box = w.panel.locator('.cc-composer-box');
      await expectContrast(page, `${brand}: composer focus`, () => style(box, 'border-top-color'), bg);
      await w.send('hello');
      await expect(w.log.locator('[data-sender="user"]')).toHaveCount(1);
      await settled(page);
      const axe = await new AxeBuilder({ page })
        .include('captivate-chat')
        .withRules(['color-contrast'])
        .analyze();
      expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${brand}: ${n.failureSummary}`))).toEqual([]);
    }
  });
}
