/** What the visitor sends, as an outbox item and as the message shown in their bubble. */
import type { FileRef, MessagePart, OutgoingFile } from '../protocol';
import type { OutboxItem } from '../transport/outbox';

/** A file as the bubble shows it, from what the upload produced. */
export function fileRef(file: OutgoingFile, size?: number): FileRef {
  return {
    url: file.url ?? file.storage?.presignedUrl ?? '',
    name: file.filename,
    mimeType: file.type,
    kind: file.type.startsWith('image/') ? 'image' : 'file',
    ...((size ?? file.storage?.fileSize) ? { size: size ?? file.storage?.fileSize } : {}),
  };
}

/** The parts of the bubble: the text shown (a quick reply's label) and the files. */
export function userParts(shown: string, files: readonly OutgoingFile[]): MessagePart[] {
  return [
    ...(shown ? [{ kind: 'text' as const, text: shown }] : []),
    ...(files.length ? [{ kind: 'files' as const, files: files.map((f) => fileRef(f)) }] : []),
  ];
}

export function messageItem(id: string, text: string, files: readonly OutgoingFile[]): OutboxItem {
  return { kind: 'message', id, text, ...(files.length ? { files: [...files] } : {}) };
}
