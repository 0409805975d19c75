/**
 * On phones the panel is full-screen. `100dvh` does not shrink for the on-screen keyboard (iOS overlays it,
 * Android resizes only the visual viewport), so the composer would sit under the keyboard. While full-screen,
 * this sizes the panel to the visual viewport instead (object styles, set through the CSSOM: CSP-safe).
 */
import { useEffect, useState } from 'preact/hooks';

export const FULL_SCREEN_QUERY = '(max-width: 599.98px)';

interface Box {
  top: number;
  height: number;
}

export function useVisualViewport(enabled: boolean): { top?: string; height?: string } {
  const [box, setBox] = useState<Box | undefined>(undefined);
  useEffect(() => {
    const viewport = globalThis.visualViewport;
    const query = globalThis.matchMedia?.(FULL_SCREEN_QUERY);
    if (!enabled || !viewport || !query) {
      setBox(undefined);
      return;
    }
    const update = () => {
      setBox(
        query.matches
          ? { top: Math.round(viewport.offsetTop), height: Math.round(viewport.height) }
          : undefined,
      );
    };
    update();
    viewport.addEventListener('resize', update);
    viewport.addEventListener('scroll', update);
    query.addEventListener?.('change', update);
    return () => {
      viewport.removeEventListener('resize', update);
      viewport.removeEventListener('scroll', update);
      query.removeEventListener?.('change', update);
    };
  }, [enabled]);
  return box ? { top: `${box.top}px`, height: `${box.height}px` } : {};
}
