/**
 * Right to left: Arabic and Hebrew widgets, and English on a `dir="rtl"` page, mirror as a whole
 * (`position: right` is the inline end, so the launcher and panel sit on the left); icons that point along
 * the text flip; mixed-direction text and names keep their own direction. With DOCS_SCREENSHOTS=1 it also
 * writes the README's screenshots (docs/panel-ar.png, docs/panel-he.png).
 */
import type { Locator, Page } from '@playwright/test';
import type { Hub } from '../server/hub';
import { expect, storedConversationId, test } from './support/fixtures';

const box = async (locator: Locator) => (await locator.boundingBox())!;
const transform = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).transform);

async function pushBot(page: Page, hub: Hub, id: string, text: string): Promise<void> {
  await hub.control.push(await storedConversationId(page), {
    event_type: 'bot_message',
    event_payload: { type: 'message_create', ch_msg_id: id, bot: {}, content: [{ type: 'text', text }] },
  });
}

test.use({ viewport: { width: 900, height: 760 } });

test('Arabic: mirrored placement, header and composer; directional icons flip; mixed text keeps its direction', async ({
  page,
  openHost,
  hub,
}) => {
  await openHost(page, { cfg: { locale: 'ar', title: 'متجر الأمل' } });
  const launcher = page.getByRole('button', { name: 'فتح الدردشة' });
  const launcherBox = await box(launcher);
  expect(launcherBox.x).toBeLessThan(100); // the inline end of a right-to-left widget is the left edge
  await launcher.click();
  const panel = page.getByRole('dialog', { name: 'متجر الأمل' });
  const composer = panel.getByRole('textbox', { name: 'الرسالة' });
  await expect(composer).toBeFocused();
  const panelBox = await box(panel);
  expect(panelBox.x).toBeLessThan(40);
  await expect(panel.locator('xpath=ancestor::*[@dir][1]')).toHaveAttribute('dir', 'rtl');

  // The close button is at the header's inline end (left), the send button at the composer's (left).
  const close = await box(panel.getByRole('button', { name: 'إغلاق الدردشة' }));
  const menu = await box(panel.getByRole('button', { name: 'قائمة المحادثة' }));
  expect(close.x).toBeLessThan(menu.x);
  const send = panel.getByRole('button', { name: 'إرسال' });
  expect((await box(send)).x).toBeLessThan((await box(composer)).x);
  expect(await transform(send.locator('svg'))).toBe('matrix(-1, 0, 0, 1, 0, 0)');
  expect(await transform(panel.getByRole('button', { name: 'إغلاق الدردشة' }).locator('svg'))).toBe('none');

  await expect(panel.locator('[data-sender="bot"]').first()).toBeVisible();
  await composer.fill('مرحبًا، أين طلبي رقم 48213؟');
  await composer.press('Enter');
  const user = panel.locator('[data-sender="user"] .cc-bubble').last();
  await expect(user).toContainText('48213');
  // The visitor's Arabic sits at the inline end (left); the bot's English echo reads left to right.
  expect(await user.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  const echo = panel.locator('[data-sender="bot"] .cc-bubble').last();
  await expect(echo).toContainText('48213');
  expect(await echo.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  expect((await box(user)).x).toBeLessThan(panelBox.x + panelBox.width / 2);
  await pushBot(
    page,
    hub,
    'ar-1',
    'طلبك **رقم 48213** في الطريق، ويصل خلال يومين. يمكنك تتبّعه من صفحة [الطلبات](https://example.com/orders).',
  );
  await expect(panel.locator('[data-sender="bot"] .cc-bubble').last()).toContainText('يومين');
  expect(
    await panel
      .locator('[data-sender="bot"] .cc-bubble')
      .last()
      .evaluate((el) => getComputedStyle(el).direction),
  ).toBe('rtl');
  await expect(panel.locator('[data-delivery="sending"]')).toHaveCount(0);
  if (process.env.DOCS_SCREENSHOTS) await page.screenshot({ path: 'docs/panel-ar.png' });
});

test('Hebrew: position=left means the inline start, the right edge; names are isolated', async ({
  page,
  openHost,
}) => {
  await openHost(page, { cfg: { locale: 'he', position: 'left', title: 'שירות לקוחות' } });
  const launcher = page.getByRole('button', { name: 'פתיחת הצ׳אט' });
  expect((await box(launcher)).x).toBeGreaterThan(700);
  await launcher.click();
  const panel = page.getByRole('dialog', { name: 'שירות לקוחות' });
  await expect(panel.getByRole('textbox', { name: 'הודעה' })).toBeFocused();
  const panelBox = await box(panel);
  expect(panelBox.x + panelBox.width).toBeGreaterThan(860);
  await expect(panel.locator('.cc-group-name').first()).toHaveJSProperty('tagName', 'BDI');
  await panel.getByRole('textbox', { name: 'הודעה' }).fill('file');
  await panel.getByRole('textbox', { name: 'הודעה' }).press('Enter');
  const fileName = panel.locator('.cc-file-name').last();
  await expect(fileName).toBeVisible();
  await expect(fileName).toHaveJSProperty('tagName', 'BDI');
  await panel.getByRole('textbox', { name: 'הודעה' }).fill('שלום! אני מחפש את ההזמנה שלי, מספר 48213');
  await panel.getByRole('textbox', { name: 'הודעה' }).press('Enter');
  await expect(panel.locator('[data-sender="bot"] .cc-bubble').last()).toContainText('48213');
  await expect(panel.locator('[data-delivery="sending"]')).toHaveCount(0);
  if (process.env.DOCS_SCREENSHOTS) await page.screenshot({ path: 'docs/panel-he.png' });
});

test('an English widget on a dir="rtl" page mirrors too; the history view’s back arrow flips', async ({
  page,
  openHost,
}) => {
  await openHost(page, { dir: 'rtl', lang: 'en' });
  const launcher = page.getByRole('button', { name: 'Open chat' });
  expect((await box(launcher)).x).toBeLessThan(100);
  await launcher.click();
  const panel = page.getByRole('dialog');
  await expect(panel.locator('[data-sender="bot"]').first()).toBeVisible();
  await panel.getByRole('button', { name: 'Conversation menu' }).click();
  await panel.getByRole('menuitem', { name: 'Conversations', exact: true }).click();
  // The drawn view: the one shown while its chunk is on its way has a Back button too, taken out of the page
  // when the chunk arrives.
  await expect(panel.getByRole('heading', { name: 'Conversations' })).toBeVisible();
  const back = panel.getByRole('button', { name: 'Back' });
  expect(await transform(back.locator('svg'))).toBe('matrix(-1, 0, 0, 1, 0, 0)');
});

test('a left-to-right widget does not flip its icons', async ({ page, openHost }) => {
  const w = await openHost(page);
  await w.openChat();
  expect(await transform(w.panel.getByRole('button', { name: 'Send', exact: true }).locator('svg'))).toBe(
    'none',
  );
  expect((await box(w.launcher)).x).toBeGreaterThan(700);
});
