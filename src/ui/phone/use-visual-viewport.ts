/**
 * On phones the panel is full-screen. `100dvh` does not shrink for the on-screen keyboard (iOS overlays it,
 * Android may resize only the visual viewport), so the composer would sit under the keyboard. While
 * full-screen, this sizes the panel to the visual viewport instead (object styles, set through the CSSOM:
 * CSP-safe); the log, pinned to its end, keeps the last message in view as it shrinks.
 */
import { useEffect, useState } from 'preact/hooks';

interface Box {
  top: number;
  height: number;
}

export function useVisualViewport(enabled: boolean): { top?: string; height?: string } {
  const [box, setBox] = useState<Box | undefined>(undefined);
  useEffect(() => {
    const viewport = globalThis.visualViewport;
    if (!enabled || !viewport) {
      setBox(undefined);
      return;
    }
    const update = () => {
      setBox({ top: Math.round(viewport.offsetTop), height: Math.round(viewport.height) });
    };
    update();
    viewport.addEventListener('resize', update);
    viewport.addEventListener('scroll', update);
    return () => {
      viewport.removeEventListener('resize', update);
      viewport.removeEventListener('scroll', update);
    };
  }, [enabled]);
  return box ? { top: `${box.top}px`, height: `${box.height}px` } : {};
}
