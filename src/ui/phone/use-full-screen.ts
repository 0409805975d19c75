/**
 * Whether the panel is full screen: in launcher mode on a narrow screen (a phone, or a desktop window at
 * 400 % zoom), where it covers the page and so behaves as a modal dialog (focus trap, scroll lock, Back).
 */
import { useEffect, useState } from 'preact/hooks';

export const FULL_SCREEN_QUERY = '(max-width: 599.98px)';

export function useFullScreen(enabled: boolean): boolean {
  const [matches, setMatches] = useState(() => !!globalThis.matchMedia?.(FULL_SCREEN_QUERY).matches);
  useEffect(() => {
    const query = globalThis.matchMedia?.(FULL_SCREEN_QUERY);
    if (!query) return;
    const update = () => setMatches(query.matches);
    update();
    query.addEventListener?.('change', update);
    return () => query.removeEventListener?.('change', update);
  }, []);
  return enabled && matches;
}
