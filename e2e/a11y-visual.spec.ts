/**
 * What axe cannot see, measured in the browser: focus visible and not obscured on every control (2.4.7,
 * 2.4.11), reflow at 320 CSS px and 200 %/400 % zoom (1.4.10), text spacing (1.4.12), target size (2.5.8),
 * reduced motion (2.3.3 practice), forced colours, and contrast with any brand colour (1.4.3, 1.4.11).
 */
import type { Page } from '@playwright/test';
import { settled } from './support/a11y';
import { expect, test, widgetLocators } from './support/fixtures';

/** Opens the panel and fills it with every kind of control: quick replies, link buttons, cards, a file. */
async function openRich(page: Page, openHost: (p: Page, o?: object) => Promise<unknown>, cfg = {}) {
  await openHost(page, { cfg });
  const w = widgetLocators(page);
  await page.locator('captivate-chat').locator('button.launcher').click();
  await expect(w.log.locator('[data-sender="bot"]').first()).toBeVisible();
  const composer = w.panel.getByRole('textbox');
  for (const text of ['links', 'cards', 'file']) {
    await composer.fill(text);
    await composer.press('Enter');
    await expect(w.log.locator('[data-sender="bot"]').last()).not.toHaveText(/^$/);
  }
  await expect(w.log.locator('.cc-card').first()).toBeVisible();
  await expect(w.log.locator('.cc-file-chip').first()).toBeVisible();
  await settled(page);
  return w;
}

/** Every control the keyboard reaches in the panel, tagged in DOM order (data-a11y-index). */
function tagControls(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.querySelector('captivate-chat')!.shadowRoot!;
    const all = Array.from(
      root.querySelectorAll<HTMLElement>('button, a[href], textarea, input, [tabindex="0"], .launcher'),
    ).filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length);
    for (const [i, el] of all.entries()) el.setAttribute('data-a11y-index', String(i));
    return all.length;
  });
}

test('focus is visible and not obscured on every control', async ({ page, openHost }) => {
  await openRich(page, openHost);
  const count = await tagControls(page);
  expect(count).toBeGreaterThan(15);
  for (let i = 0; i < count; i++) {
    const control = page.locator(`captivate-chat [data-a11y-index="${i}"]`);
    await page.evaluate(() =>
      (document.querySelector('captivate-chat')!.shadowRoot!.activeElement as HTMLElement | null)?.blur(),
    );
    // Styles are compared once their transitions end: the composer box's border fades for 150 ms after
    // focus leaves a control inside it, and a read mid-fade could find it still in its focused colour.
    const before = await control.evaluate(async (el) => {
      const transitions = (el.getRootNode() as ShadowRoot)
        .getAnimations()
        .filter((a) => a instanceof CSSTransition);
      await Promise.all(transitions.map((a) => a.finished.catch(() => undefined)));
      const s = getComputedStyle(el);
      const box = el.closest('.cc-composer-box');
      return `${s.outlineStyle} ${s.outlineWidth} ${s.boxShadow} ${box ? getComputedStyle(box).borderColor : ''}`;
    });
    await control.focus();
    await page.keyboard.press('Shift'); // a key press makes the focus keyboard focus (:focus-visible)
    const after = await control.evaluate(async (el) => {
      const transitions = (el.getRootNode() as ShadowRoot)
        .getAnimations()
        .filter((a) => a instanceof CSSTransition);
      await Promise.all(transitions.map((a) => a.finished.catch(() => undefined)));
      const s = getComputedStyle(el);
      const box = el.closest('.cc-composer-box');
      // 2.4.11: not entirely hidden. The part of the control inside every clipping ancestor and the
      // viewport must exist, and its centre must hit the control, not something drawn over it.
      let rect = el.getBoundingClientRect();
      let [left, top, right, bottom] = [rect.left, rect.top, rect.right, rect.bottom];
      const clip = (r: DOMRect) => {
        left = Math.max(left, r.left);
        top = Math.max(top, r.top);
        right = Math.min(right, r.right);
        bottom = Math.min(bottom, r.bottom);
      };
      for (let p = el.parentElement; p; p = p.parentElement)
        if (getComputedStyle(p).overflow !== 'visible') clip(p.getBoundingClientRect());
      clip(new DOMRect(0, 0, innerWidth, innerHeight));
      rect = new DOMRect(left, top, right - left, bottom - top);
      const root = el.getRootNode() as ShadowRoot;
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      const hit = rect.width > 0 && rect.height > 0 ? root.elementFromPoint(x, y) : null;
      return {
        style: `${s.outlineStyle} ${s.outlineWidth} ${s.boxShadow} ${box ? getComputedStyle(box).borderColor : ''}`,
        ring: s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2,
        inComposer: !!box,
        unobscured: !!hit && (hit === el || el.contains(hit)),
        hit: hit ? `${hit.tagName}.${hit.className}` : 'nothing',
        at: `${Math.round(x)},${Math.round(y)} in ${JSON.stringify(rect)}`,
        name: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30),
      };
    });
    expect(after.style, `focus changes nothing on ${after.name}`).not.toBe(before);
    expect(after.ring || after.inComposer, `no 2 px focus ring on ${after.name}`).toBe(true);
    expect(after.unobscured, `${after.name} is covered by ${after.hit} at ${after.at}`).toBe(true);
  }
});

for (const [label, size] of [
  ['320 CSS px (a phone)', { width: 320, height: 640 }],
  ['200 % zoom of a 1280×1024 window', { width: 640, height: 512 }],
  ['400 % zoom of a 1280×1024 window', { width: 320, height: 256 }],
] as const) {
  test(`reflow at ${label}: no horizontal scrolling, nothing cut off`, async ({ page, openHost }) => {
    await page.setViewportSize(size);
    await openRich(page, openHost);
    const problems = await page.evaluate((width) => {
      const root = document.querySelector('captivate-chat')!.shadowRoot!;
      const out: string[] = [];
      const panel = root.querySelector<HTMLElement>('.cc-panel')!;
      if (document.documentElement.scrollWidth > width) out.push('the page scrolls sideways');
      if (panel.scrollWidth > panel.clientWidth + 1) out.push('the panel scrolls sideways');
      const log = root.querySelector<HTMLElement>('.cc-log')!;
      if (log.scrollWidth > log.clientWidth + 1) out.push('the log scrolls sideways');
      for (const el of root.querySelectorAll<HTMLElement>('button, a, textarea, .cc-bubble, .cc-notice')) {
        const r = el.getBoundingClientRect();
        if (!r.width || el.closest('.cc-cards')) continue; // the card carousel scrolls by design
        if (r.left < -1 || r.right > width + 1) out.push(`${el.className} sticks out (${r.left}–${r.right})`);
      }
      return out;
    }, size.width);
    expect(problems).toEqual([]);
    const w = widgetLocators(page);
    // The composer and its send button stay reachable, and the log can be scrolled to its start.
    await expect(w.panel.getByRole('textbox')).toBeInViewport();
    await expect(w.panel.getByRole('button', { name: 'Send', exact: true })).toBeInViewport();
    await w.log.evaluate((el) => {
      el.scrollTop = 0;
    });
    await expect(w.log.locator('[data-sender="bot"]').first()).toBeInViewport();
  });
}

test('text spacing overrides (1.4.12) cut no text off', async ({ page, openHost }) => {
  await openRich(page, openHost);
  const clipped = await page.evaluate(() => {
    const root = document.querySelector('captivate-chat')!.shadowRoot!;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`.cc-root * { line-height: 1.5 !important; letter-spacing: 0.12em !important;
      word-spacing: 0.16em !important; } .cc-root p { margin-bottom: 2em !important; }`);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    const out: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>('.cc-root *')) {
      const s = getComputedStyle(el);
      const clips = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY);
      if (!clips || !el.textContent?.trim() || el.closest('.cc-sr-only') || el.matches('.cc-sr-only'))
        continue;
      if (el.matches('.cc-log, .cc-panel, .cc-window, textarea, .cc-file-image, .cc-card')) continue;
      // Ellipsis truncation of one-line labels (names, titles) is deliberate: the full text is in `title`.
      if (s.textOverflow === 'ellipsis') continue;
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
        out.push(`${el.tagName}.${el.className}: ${el.textContent.trim().slice(0, 40)}`);
    }
    return out;
  });
  expect(clipped).toEqual([]);
});

test('every pointer target is at least 24 × 24 CSS px (2.5.8)', async ({ page, openHost }) => {
  await openRich(page, openHost);
  await page
    .locator('captivate-chat')
    .locator('input[type="file"]')
    .setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello'),
    });
  await expect(widgetLocators(page).panel.getByRole('button', { name: 'Remove notes.txt' })).toBeVisible();
  const small = await page.evaluate(() => {
    const root = document.querySelector('captivate-chat')!.shadowRoot!;
    const out: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>('button, a[href], textarea, [role="menuitem"]')) {
      const r = el.getBoundingClientRect();
      if (!r.width) continue;
      // Inline links inside sentences are exempt (2.5.8 "inline").
      if (el.tagName === 'A' && el.closest('.cc-markup p, .cc-markup li')) continue;
      if (r.width < 24 || r.height < 24) out.push(`${el.className || el.tagName} ${r.width}×${r.height}`);
    }
    return out;
  });
  expect(small).toEqual([]);
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('no animation, transition or smooth scrolling runs', async ({ page, openHost }) => {
    const w = await openRich(page, openHost);
    await w.panel.getByRole('textbox').fill('pause');
    await w.panel.getByRole('textbox').press('Enter');
    await expect(w.panel.getByText(/typing/i)).toBeAttached();
    const moving = await page.evaluate(() => {
      const root = document.querySelector('captivate-chat')!.shadowRoot!;
      const out: string[] = [];
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        const s = getComputedStyle(el);
        const long = (v: string) => v.split(',').some((d) => Number.parseFloat(d) > 0.001);
        if (s.animationName !== 'none' && (long(s.animationDuration) || s.animationIterationCount !== '1'))
          out.push(`animation on ${el.className}`);
        if (long(s.transitionDuration)) out.push(`transition on ${el.className}`);
        if (s.scrollBehavior === 'smooth') out.push(`smooth scroll on ${el.className}`);
      }
      return out;
    });
    expect(moving).toEqual([]);
    const launcherTransition = await page
      .locator('captivate-chat')
      .locator('button.launcher')
      .evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(Number.parseFloat(launcherTransition)).toBe(0);
  });
});

test.describe('forced colours', () => {
  test.use({ colorScheme: 'dark' });

  test('every control keeps a visible boundary or text, and focus a system-colour ring', async ({
    page,
    openHost,
  }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await openRich(page, openHost);
    await tagControls(page);
    const invisible = await page.evaluate(() => {
      const root = document.querySelector('captivate-chat')!.shadowRoot!;
      const out: string[] = [];
      for (const el of root.querySelectorAll<HTMLElement>('[data-a11y-index]')) {
        const s = getComputedStyle(el);
        const border = Number.parseFloat(s.borderTopWidth) > 0 && s.borderTopStyle !== 'none';
        const framed = border || !!el.closest('.cc-composer-box, .cc-log');
        if (!framed && el.tagName !== 'A') out.push(`${el.className} has no boundary`);
        if (s.color === s.backgroundColor) out.push(`${el.className} text is invisible`);
      }
      return out;
    });
    expect(invisible).toEqual([]);
    const launcher = page.locator('captivate-chat').locator('button.launcher');
    expect(await launcher.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
    const send = widgetLocators(page).panel.getByRole('button', { name: 'Conversation menu' });
    await send.focus();
    await page.keyboard.press('Shift');
    const ring = await send.evaluate((el) => getComputedStyle(el));
    expect(ring.outlineStyle).toBe('solid');
    expect(Number.parseFloat(ring.outlineWidth)).toBeGreaterThanOrEqual(2);
  });
});

test('every accessible name contains the visible label (2.5.3)', async ({ page, openHost }) => {
  await openRich(page, openHost);
  const mismatched = await page.evaluate(() => {
    const root = document.querySelector('captivate-chat')!.shadowRoot!;
    const out: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>('button, a[href]')) {
      // biome-ignore lint/performance/useDomNodeTextContent: the label a sighted user sees is the rendered text.
      const visible = el.innerText?.replace(/\s+/g, ' ').trim();
      const label = el.getAttribute('aria-label');
      if (!visible || !label || !el.getClientRects().length) continue;
      if (!label.toLowerCase().includes(visible.toLowerCase())) out.push(`"${label}" lacks "${visible}"`);
    }
    return out;
  });
  expect(mismatched).toEqual([]);
});
