/**
 * A simulated on-screen keyboard for mobile emulation. A phone's keyboard shrinks the *visual* viewport and
 * leaves the layout viewport as it is (iOS always; Android Chrome by default since 108), and iOS may also
 * scroll the visual viewport (offsetTop). Chromium's emulation has no keyboard, so this replaces
 * `window.visualViewport` before the page loads with one whose height and offset the test sets, and which
 * fires `resize` and `scroll` like the real one.
 */
import type { Page } from '@playwright/test';

export async function installKeyboard(
  page: Page,
): Promise<(height: number, offsetTop?: number) => Promise<void>> {
  await page.addInitScript(() => {
    const real = window.visualViewport!;
    const fake = new EventTarget();
    let keyboard = 0;
    let offset = 0;
    const props: Record<string, () => number> = {
      width: () => real.width,
      height: () => real.height - keyboard,
      offsetTop: () => offset,
      offsetLeft: () => 0,
      pageTop: () => window.scrollY + offset,
      pageLeft: () => window.scrollX,
      scale: () => 1,
    };
    for (const [name, get] of Object.entries(props)) Object.defineProperty(fake, name, { get });
    Object.defineProperty(window, 'visualViewport', { get: () => fake, configurable: true });
    (window as unknown as { __keyboard: (h: number, o: number) => void }).__keyboard = (h, o) => {
      keyboard = h;
      offset = o;
      fake.dispatchEvent(new Event('resize'));
      fake.dispatchEvent(new Event('scroll'));
    };
  });
  return (height, offsetTop = 0) =>
    page.evaluate(
      ([h, o]) => (window as unknown as { __keyboard: (h: number, o: number) => void }).__keyboard(h, o),
      [height, offsetTop] as const,
    );
}
