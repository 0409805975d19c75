/**
 * axe with every WCAG 2.x A/AA tag, zero violations of any impact, in each state an auditor would scan:
 * closed (launcher), open with rich content, the menu, the history view, a confirmation, dark theme,
 * right to left, a light brand colour, and the full-screen phone layout.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { settled } from './support/a11y';
import { expect, type HostOptions, test, widgetLocators } from './support/fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoViolations(page: Page): Promise<void> {
  await settled(page);
  const results = await new AxeBuilder({ page }).include('captivate-chat').withTags(TAGS).analyze();
  expect(
    results.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target} ${n.failureSummary}`).join(' | ')}`,
    ),
  ).toEqual([]);
  expect(results.passes.length).toBeGreaterThan(0);
}

async function openWithContent(
  page: Page,
  openHost: (p: Page, o?: HostOptions) => Promise<unknown>,
  opts?: HostOptions,
) {
  await openHost(page, opts);
  const w = widgetLocators(page);
  await page.locator('captivate-chat').locator('button.launcher').click();
  await expect(w.log.locator('[data-sender="bot"]').first()).toBeVisible();
  // By role only: the names are in the widget's language.
  const composer = w.panel.getByRole('textbox');
  return {
    ...w,
    async send(text: string) {
      await composer.fill(text);
      await composer.press('Enter');
    },
  };
}

test('the closed widget: the launcher alone', async ({ page, openHost }) => {
  const w = await openHost(page);
  await expect(w.launcher).toBeVisible();
  await expectNoViolations(page);
});

test('open, with cards, links, a file and markdown; then the menu, history view and a confirmation', async ({
  page,
  openHost,
}) => {
  const w = await openWithContent(page, openHost);
  for (const text of ['cards', 'links', 'file', 'markdown']) {
    await w.send(text);
    await expect(w.log.locator('[data-sender="user"]').last()).toContainText(text);
  }
  await expect(w.log.locator('img').first()).toBeVisible();
  await expectNoViolations(page);

  await w.panel.getByRole('button', { name: 'Conversation menu' }).click();
  await expect(w.panel.getByRole('menu')).toBeVisible();
  await expectNoViolations(page);
  await w.panel.getByRole('menuitem', { name: 'Conversations', exact: true }).click();
  await expect(w.panel.getByRole('heading', { name: 'Conversations' })).toBeVisible();
  await expect(w.panel.locator('.cc-history-item').first()).toBeVisible();
  await expectNoViolations(page);
  await w.panel.getByRole('button', { name: 'Back' }).click();
  await w.panel.getByRole('button', { name: 'Conversation menu' }).click();
  await w.panel.getByRole('menuitem', { name: 'Delete conversation' }).click();
  await expect(w.panel.getByRole('alertdialog')).toBeVisible();
  await expectNoViolations(page);
});

for (const [label, opts] of [
  ['dark theme', { cfg: { theme: 'dark' } }],
  ['a light brand colour (yellow)', { cfg: { 'primary-color': '#ffd400' } }],
  ['dark theme with a dark brand colour', { cfg: { theme: 'dark', 'primary-color': '#1a1a40' } }],
  ['Arabic, right to left', { cfg: { locale: 'ar' } }],
] as const) {
  test(`open in ${label}`, async ({ page, openHost }) => {
    const w = await openWithContent(page, openHost, opts);
    await w.send('cards');
    await expect(w.log.locator('.cc-card').first()).toBeVisible();
    await expectNoViolations(page);
  });
}

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true });

  test('the full-screen panel', async ({ page, openHost }) => {
    const w = await openWithContent(page, openHost);
    await w.send('links');
    await expect(w.log.locator('.cc-link-button').first()).toBeVisible();
    await expectNoViolations(page);
  });
});
