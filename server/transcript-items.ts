/**
 * The stored messages as a transcript presents them, in one of two styles. `verbatim` echoes what the
 * live frames carried. `normalised` does not, as a hub with its own storage would not: consecutive bot
 * messages become one entry, text is trimmed, file parts are lifted out into the entry's `files`, and each
 * entry carries its `message_id` — so a client's reconciliation is tested against a hub that does not
 * mirror it.
 */
import type { Sender, StoredMessage } from './conversations';
import type { TranscriptStyle } from './options';
import { isObject, type Json } from './wire';

export interface TranscriptItem {
  id: string;
  from: Sender;
  parts: unknown[];
  /** The files of the entry's file parts (normalised: lifted out of the parts). */
  files: unknown[];
  at: number;
  clientMsgId?: string;
  actions?: Json[];
}

const isFilesPart = (part: unknown): part is { files: unknown } =>
  isObject(part) && part.type === 'files' && 'files' in part;

/** The files of a parts list, one flat list however they were nested. */
export function filesOf(parts: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) for (const item of value) collect(item);
    else if (isFilesPart(value)) collect(value.files);
    else if (isObject(value)) out.push(value);
  };
  for (const part of parts) if (isFilesPart(part)) collect(part.files);
  return out;
}

const trimmed = (part: unknown): unknown =>
  isObject(part) && part.type === 'text' && typeof part.text === 'string'
    ? { ...part, text: part.text.trim() }
    : part;

function normalisedItem(message: StoredMessage): TranscriptItem {
  const parts = message.parts.filter((p) => !isFilesPart(p)).map(trimmed);
  return {
    ...verbatimItem(message),
    parts: parts.filter((p) => !(isObject(p) && p.type === 'text' && p.text === '')),
  };
}

function verbatimItem(message: StoredMessage): TranscriptItem {
  return {
    id: message.id,
    from: message.from,
    parts: message.parts,
    files: filesOf(message.parts),
    at: message.at,
    ...(message.clientMsgId ? { clientMsgId: message.clientMsgId } : {}),
    ...(message.actions && message.actions.length > 0 ? { actions: message.actions } : {}),
  };
}

export function transcriptItems(
  messages: readonly StoredMessage[],
  style: TranscriptStyle,
): TranscriptItem[] {
  if (style === 'verbatim') return messages.map(verbatimItem);
  const items: TranscriptItem[] = [];
  for (const message of messages) {
    const item = normalisedItem(message);
    const last = items[items.length - 1];
    if (last?.from === 'bot' && item.from === 'bot') {
      for (const part of item.parts) last.parts.push(part);
      for (const file of item.files) last.files.push(file);
      if (item.actions) last.actions = [...(last.actions ?? []), ...item.actions];
    } else {
      items.push(item);
    }
  }
  return items;
}
