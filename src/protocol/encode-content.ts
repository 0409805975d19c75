/** User content in the canonical forms of docs/protocol.md §4, built from fresh objects. */
import type { OutgoingFile } from './model';
import { safeRecord } from './safe-record';

export type UserContent =
  | { type: 'text'; text: string }
  | { text: string; files: OutgoingFile[] }
  | { type: 'files'; files: OutgoingFile[] };

/** Text only, text with files, or files only; whitespace-only text next to files counts as none. */
export function userContent(text: string, files: readonly OutgoingFile[] | undefined): UserContent {
  const copies = (files ?? []).map(copyFile);
  if (copies.length === 0) return { type: 'text', text };
  if (text.trim() === '') return { type: 'files', files: copies };
  return { text, files: copies };
}

/**
 * Copies only the fields the vendor's client sends, so whatever else an upload adapter hung on the
 * object (blobs, previews, callbacks) never reaches the wire.
 */
export function copyFile(f: OutgoingFile): OutgoingFile {
  const out: OutgoingFile = { filename: f.filename, type: f.type };
  if (f.url !== undefined) out.url = f.url;
  if (f.storage !== undefined) {
    const { fileKey, presignedUrl, expiresIn, fileSize } = f.storage;
    out.storage = { fileKey, presignedUrl, expiresIn, fileSize };
  }
  if (f.textContent !== undefined) {
    const { text, metadata } = f.textContent;
    out.textContent = {
      type: 'file_content',
      text,
      metadata: {
        ...safeRecord(metadata),
        source: 'file_attachment',
        originalFileName: metadata.originalFileName,
      },
    };
  }
  return out;
}
