/** Helpers for the accessibility specs: what has focus inside the widget's shadow root, and its name. */
import type { Page } from '@playwright/test';

export interface Focused {
  /** Accessible-name-ish: aria-label, else text; '' when focus is outside the widget. */
  name: string;
  role: string;
  tag: string;
  inWidget: boolean;
  inPanel: boolean;
  top: number;
  left: number;
}

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const host = document.querySelector('captivate-chat');
    const active = host?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    if (!active || document.activeElement !== host)
      return { name: '', role: '', tag: '', inWidget: false, inPanel: false, top: 0, left: 0 };
    const box = active.getBoundingClientRect();
    return {
      name: (active.getAttribute('aria-label') ?? active.textContent ?? '').trim(),
      role: active.getAttribute('role') ?? active.tagName.toLowerCase(),
      tag: active.tagName.toLowerCase(),
      inWidget: true,
      inPanel: !!active.closest('[role="dialog"]'),
      top: box.top,
      left: box.left,
    };
  });
}

/** Presses `key` until focus leaves the panel (or `max` presses), returning what was focused in order. */
export async function walk(page: Page, key: 'Tab' | 'Shift+Tab', max = 40): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (!now.inPanel) break;
    seen.push(now);
  }
  return seen;
}

/** Waits for entrance animations (fades) to end: axe measures contrast at the opacity of the moment. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .querySelector('captivate-chat')!
      .shadowRoot!.getAnimations()
      .every(
        (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
      ),
  );
}
