/**
 * The conversation menu and the confirmation dialog, one chunk fetched on first use (lazy-chunk.ts). Most
 * visitors never open the menu, so neither its code nor its styles are in the bytes every open widget loads.
 * The dialog is only ever asked for from the menu or from the history view (reached through the menu), so the
 * chunk is normally here already when a confirmation is wanted.
 */
import { useEffect } from 'preact/hooks';
import type { ConfirmRequest } from '../context';
import { createLazyChunk } from '../lazy-chunk';

export const menuChunk = createLazyChunk(() => import('./menu-chunk'));

export function LazyConfirmDialog({ request }: { request: ConfirmRequest }) {
  const chunk = menuChunk.current.value;
  // Each new request tries again if an earlier fetch failed.
  useEffect(() => menuChunk.want(), [request]);
  return chunk ? <chunk.ConfirmDialog request={request} /> : null;
}
