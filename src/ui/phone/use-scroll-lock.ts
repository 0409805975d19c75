/**
 * While the full-screen panel is open the page behind must not scroll (touch scrolling past the log's end
 * would move it, and iOS ignores `overflow: hidden` on the root for touch). The body is fixed in place at
 * its scroll offset, and on release every style we touched gets its previous value back and the page its
 * scroll position. Styles are set through the CSSOM, which a strict CSP allows.
 */
import { useEffect } from 'preact/hooks';

const BODY = ['position', 'top', 'left', 'right', 'width', 'overflow'] as const;

export function useScrollLock(enabled: boolean, doc: Document | undefined): void {
  useEffect(() => {
    const win = doc?.defaultView;
    if (!enabled || !doc || !win) return;
    const { body, documentElement: root } = doc;
    const x = win.scrollX;
    const y = win.scrollY;
    const saved = BODY.map((p) => body.style.getPropertyValue(p));
    const savedRoot = root.style.getPropertyValue('overflow');
    Object.assign(body.style, {
      position: 'fixed',
      top: `${-y}px`,
      left: `${-x}px`,
      right: '0',
      width: '100%',
      overflow: 'hidden',
    });
    root.style.setProperty('overflow', 'hidden');
    return () => {
      for (const [i, p] of BODY.entries()) body.style.setProperty(p, saved[i] ?? '');
      root.style.setProperty('overflow', savedRoot);
      win.scrollTo(x, y);
    };
  }, [enabled, doc]);
}
