/**
 * The history view, fetched the first time the visitor opens it. Most visitors never do, so its code stays
 * out of the bytes every open widget loads (the size budget); the fetch is one small chunk from the widget's
 * own origin, so it arrives before the visitor can read the "loading" line.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useUi } from '../context';

let loaded: FunctionComponent | undefined;

/** Fetches the view ahead of need (tests, or a host that knows the visitor will want it). */
export async function preloadHistoryPanel(): Promise<void> {
  loaded ??= (await import('./history-panel')).HistoryPanel;
}

export function LazyHistoryPanel() {
  const { t } = useUi();
  const [View, setView] = useState<FunctionComponent | undefined>(() => loaded);
  useEffect(() => {
    if (View) return;
    let live = true;
    void preloadHistoryPanel().then(() => {
      if (live) setView(() => loaded);
    });
    return () => {
      live = false;
    };
  }, [View]);
  return View ? (
    <View />
  ) : (
    <p class="cc-history-empty" role="status">
      {t('loadingConversations')}
    </p>
  );
}
