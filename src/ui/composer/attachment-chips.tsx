/**
 * The chips of the files attached to the message being composed. Their list is a chunk of its own
 * (chip-list.tsx), wanted when the file picker opens or files are dragged in, so it is usually here before
 * the first file is; until it is, the composer shows no chips, and the files still count for sending.
 */
import type { ChatStore } from '../../store/chat-store';
import { useUi } from '../context';
import { createLazyChunk, useChunk } from '../lazy-chunk';

export const chipsChunk = createLazyChunk(() => import('./chip-list'));

/** The visitor reaches for a file (the picker opens, files are dragged in): fetch what files need ahead. */
export function prepareAttachments(store: ChatStore): void {
  store.prepareAttachments();
  chipsChunk.want();
}

export function AttachmentChips() {
  const { store } = useUi();
  const attachments = store.state.attachments.value;
  const count = attachments.length;
  // A failed fetch is tried again with the next file or when the connection comes back.
  const chunk = useChunk(chipsChunk, count);
  return count && chunk ? <chunk.ChipList attachments={attachments} /> : null;
}
