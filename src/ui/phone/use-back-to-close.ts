/**
 * On a phone the full-screen panel looks like a page of its own, so the Back button (or gesture) should
 * close it rather than leave the site. Opening pushes one history entry marked as ours; Back pops it and
 * closes the panel; closing any other way (button, Escape, API) takes our entry off again, so the host's
 * history is as it was.
 */
import { useEffect, useRef } from 'preact/hooks';

const MARK = 'captivateChatOpen';

function ours(state: unknown): boolean {
  return !!state && typeof state === 'object' && (state as Record<string, unknown>)[MARK] === true;
}

export function useBackToClose(enabled: boolean, win: Window | undefined, close: () => void): void {
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => {
    if (!enabled || !win) return;
    const { history } = win;
    try {
      history.pushState({ ...(history.state ?? {}), [MARK]: true }, '');
    } catch {
      return; // A sandboxed or opaque document without history: Escape and the close button remain.
    }
    let popped = false;
    const onPop = () => {
      if (ours(history.state)) return;
      popped = true;
      closeRef.current();
    };
    win.addEventListener('popstate', onPop);
    return () => {
      win.removeEventListener('popstate', onPop);
      if (!popped && ours(history.state)) history.back();
    };
  }, [enabled, win]);
}
