/** What the visitor sends, as an outbox item and as the message shown in their bubble. */
import { type FileRef, type MessagePart, newClientMsgId, type OutgoingFile } from '../protocol';
import type { OutboxItem, QueuedItem, RestoredMessage, SharedUserMessage } from '../session';
import { type ChatMessage, createMessage } from './messages';

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

/** A message restored from the stored outbox after a reload: shown as sending (or failed) until settled. */
export function pendingMessage(item: RestoredMessage, at: number): ChatMessage {
  return createMessage({
    id: item.id,
    sender: 'user',
    parts: userParts(item.display ?? item.text, item.files ?? []),
    ...(item.display ? { sentParts: userParts(item.text, item.files ?? []) } : {}),
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
): { item: QueuedItem; shared: SharedUserMessage } {
  const id = newClientMsgId();
  const display = shown !== undefined && shown !== text ? shown : undefined;
  const item = messageItem(id, text, files);
  return {
    item: display ? { ...item, display } : item,
    shared: {
      id,
      parts: userParts(display ?? text, files),
      ...(display ? { sentParts: userParts(text, files) } : {}),
      at,
    },
  };
}
