/**
 * The history view, a chunk of its own (lazy-chunk.ts) fetched the first time the visitor opens it. Most
 * visitors never do, so its code stays out of the bytes every open widget loads (the size budget). Until it
 * arrives the view offers Back (focused, as the menu item that opened it is gone; Escape too) and says it is
 * loading. A fetch that failed (offline) is tried again when the connection comes back or the view is opened
 * again, and the list then shows without another press.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useUi } from '../context';
import { createLazyChunk, useChunk } from '../lazy-chunk';
import { HistoryBackButton, leaveHistory } from './leave-history';

export const historyChunk = createLazyChunk(() => import('./history-panel'));

export function LazyHistoryPanel() {
  const chunk = useChunk(historyChunk);
  return chunk ? <chunk.HistoryPanel /> : <HistoryPending />;
}

function HistoryPending() {
  const ui = useUi();
  const backRef = useRef<HTMLButtonElement>(null);
  useEffect(() => backRef.current?.focus(), []);
  const { back, onKeyDown } = leaveHistory(ui);
  return (
    <section class="cc-history-pending" aria-label={ui.t('conversations')} onKeyDown={onKeyDown}>
      <HistoryBackButton onClick={back} buttonRef={backRef} />
      <p role="status">{ui.t('loadingConversations')}</p>
    </section>
  );
}
