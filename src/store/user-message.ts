/** What the visitor sends, as an outbox item and as the message shown in their bubble. */
import { type FileRef, linkExpiry, type MessagePart, newClientMsgId, type OutgoingFile } from '../protocol';
import type { OutboxItem } from '../transport/outbox';
import { type ChatMessage, createMessage } from './messages';
import type { SharedUserMessage } from './tabs';

/**
 * A file as the bubble shows it, from what the upload produced. The bubble outlives the upload's link (it is
 * restored after a reload), so it keeps the file's key and when the link dies: `at` is about when the file
 * service issued it.
 */
export function fileRef(file: OutgoingFile, at: number, size?: number): FileRef {
  const expiresAt = linkExpiry(file.storage?.expiresIn, at);
  return {
    url: file.url ?? file.storage?.presignedUrl ?? '',
    name: file.filename,
    mimeType: file.type,
    kind: file.type.startsWith('image/') ? 'image' : 'file',
    ...((size ?? file.storage?.fileSize) ? { size: size ?? file.storage?.fileSize } : {}),
    ...(file.storage?.fileKey ? { fileKey: file.storage.fileKey } : {}),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  };
}

/** The parts of the bubble: the text shown (a quick reply's label) and the files. */
export function userParts(shown: string, files: readonly OutgoingFile[], at: number): MessagePart[] {
  return [
    ...(shown ? [{ kind: 'text' as const, text: shown }] : []),
    ...(files.length ? [{ kind: 'files' as const, files: files.map((f) => fileRef(f, at)) }] : []),
  ];
}

export function messageItem(id: string, text: string, files: readonly OutgoingFile[]): OutboxItem {
  return { kind: 'message', id, text, ...(files.length ? { files: [...files] } : {}) };
}

/** A message restored from the stored outbox after a reload: shown as sending (or failed) until settled. */
export function pendingMessage(
  item: { id: string; text: string; files?: OutgoingFile[]; display?: string; status: string },
  at: number,
): ChatMessage {
  return createMessage({
    id: item.id,
    sender: 'user',
    parts: userParts(item.display ?? item.text, item.files ?? [], at),
    ...(item.display ? { sentParts: userParts(item.text, item.files ?? [], at) } : {}),
    at,
    history: false,
    delivery: item.status === 'failed' ? 'failed' : 'sending',
  });
}

/**
 * A message from the composer: the outbox item (what is sent) and the bubble every tab shows. A quick reply
 * sends its value and shows its label (`shown`).
 */
export function composeUserMessage(
  text: string,
  shown: string | undefined,
  files: readonly OutgoingFile[],
  at: number,
): { item: OutboxItem & { display?: string }; shared: SharedUserMessage } {
  const id = newClientMsgId();
  const display = shown !== undefined && shown !== text ? shown : undefined;
  const item = messageItem(id, text, files);
  return {
    item: display ? { ...item, display } : item,
    shared: {
      id,
      parts: userParts(display ?? text, files, at),
      ...(display ? { sentParts: userParts(text, files, at) } : {}),
      at,
    },
  };
}
