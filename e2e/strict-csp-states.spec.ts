/**
 * The states beyond the happy path under a strict CSP (no inline script or style, images only from the hub):
 * the hand-off to an agent and back, a hub error, a dropped connection and the reconnect. Not one violation.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** Every CSP violation of the page, as `directive blocked-uri`, from before any script ran. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as { __csp?: string[] };
      w.__csp ??= [];
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

const violationsSeen = (page: Page) => page.evaluate(() => (window as { __csp?: string[] }).__csp ?? []);

test('hand-off, a hub error and a reconnect under a strict CSP: no violation', async ({
  page,
  openHost,
  hub,
}) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  await recordViolations(page);
  const w = await openHost(page, { csp: 'strict' });
  await w.openChat();

  await w.panel.getByRole('button', { name: 'Talk to a human' }).click();
  await expect(w.log.getByText('Dana joined the chat')).toBeVisible();
  await expect(w.log.locator('[data-sender="agent"] img').first()).toBeVisible();
  await w.send('bye');
  await expect(w.log.getByText('Dana left the chat')).toBeVisible();

  const notices = await w.log.locator('[data-sender="system"]').count();
  await w.send('error');
  await expect.poll(() => w.log.locator('[data-sender="system"]').count()).toBeGreaterThan(notices);

  // The hub drops every socket and refuses for a while: the reconnecting state, then back.
  hub.control.refuse(1_000);
  hub.control.drop();
  await w.send('sent while disconnected');
  await expect(w.log.locator('[data-sender="user"]').last()).toContainText('sent while disconnected');
  await expect(w.log.locator('[data-delivery="sent"]').last()).toBeVisible({ timeout: 20_000 });

  expect(await violationsSeen(page)).toEqual([]);
  expect(violations).toEqual([]);
});

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

test('an attached image under a strict CSP without blob: shows the file icon, never a broken image; sent, it shows from the hub', async ({
  page,
  openHost,
}) => {
  await recordViolations(page);
  const w = await openHost(page, { csp: 'strict' });
  await w.openChat();
  await w.panel
    .locator('input[type="file"]')
    .setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: PNG });
  const chip = w.panel.locator('.cc-chip').filter({ hasText: 'dot.png' });
  await expect(chip).toBeVisible();
  // The preview (a blob: URL) is refused by img-src: the chip falls back to the file icon.
  await expect(chip.locator('.cc-chip-icon')).toBeVisible();
  await expect(chip.locator('img')).toHaveCount(0);
  await expect(chip).not.toHaveAttribute('data-status', 'uploading', { timeout: 10_000 });
  await w.panel.getByRole('button', { name: 'Send', exact: true }).click();
  // The sent image comes from the hub's file service, which img-src allows.
  const sent = w.log.locator('[data-sender="user"] img').last();
  await expect(sent).toBeVisible();
  await expect.poll(() => sent.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  // The one refusal is the preview's, and the widget handled it.
  const refused = await violationsSeen(page);
  expect(refused.filter((r) => !r.startsWith('img-src blob'))).toEqual([]);
});
