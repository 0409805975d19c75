/**
 * `conversation_transcript` in both documented shapes (docs/protocol.md §5), flattened into one ordered
 * list of entries. A transcript longer than `LIMITS.transcriptEntries` is read from its end: the newest
 * entries are the ones a restore shows.
 */
import { decodeActionList, mergeActions } from './decode-actions';
import { decodeFileList } from './decode-files';
import { decodeParts } from './decode-parts';
import type { InboundFrame } from './frames';
import { type Invalid, invalid, isRecord, LIMITS, num, own, type Rec, text } from './guards';
import type { MessagePart, TranscriptEntry } from './model';

type Sender = TranscriptEntry['sender'];

// A Map, not an object literal: `from: "constructor"` must not match anything.
const SENDERS = new Map<string, Sender>([
  ['user', 'user'],
  ['bot', 'bot'],
  ['chatbot', 'bot'],
  ['agent', 'agent'],
  ['livechat', 'agent'],
]);

export function decodeTranscript(p: Rec): InboundFrame | Invalid {
  const transcript = own(p, 'transcript');
  const messages = own(p, 'messages');
  let entries: TranscriptEntry[];
  if (Array.isArray(transcript)) entries = fromGroups(transcript);
  else if (Array.isArray(messages)) entries = newest(messages, LIMITS.transcriptEntries);
  // Rejecting is safer than an empty transcript, which a store would take as "history is empty".
  else return invalid('neither transcript nor messages is a list');
  const frame: InboundFrame = { type: 'conversation_transcript', entries };
  const conversationId = text(own(p, 'conversation_id'));
  if (conversationId !== undefined) frame.conversationId = conversationId;
  return frame;
}

/** Up to `max` valid entries from the end of `items`, in order; at most twice `max` items are looked at. */
function newest(items: readonly unknown[], max: number): TranscriptEntry[] {
  const out: TranscriptEntry[] = [];
  const stop = Math.max(0, items.length - 2 * LIMITS.transcriptEntries);
  for (let i = items.length - 1; i >= stop && out.length < max; i--) {
    const entry = decodeEntry(items[i]);
    if (entry) out.push(entry);
  }
  return out.reverse();
}

/** `transcript:[{event_id, messages:[entry…]}]`; an entry listed directly is taken too. Newest group first. */
function fromGroups(groups: readonly unknown[]): TranscriptEntry[] {
  const out: TranscriptEntry[][] = [];
  let count = 0;
  const stop = Math.max(0, groups.length - LIMITS.scan);
  for (let i = groups.length - 1; i >= stop && count < LIMITS.transcriptEntries; i--) {
    const group = groups[i];
    const items = own(group, 'from') === undefined ? own(group, 'messages') : [group];
    if (!Array.isArray(items)) continue;
    const entries = newest(items, LIMITS.transcriptEntries - count);
    count += entries.length;
    out.push(entries);
  }
  return out.reverse().flat();
}

export function decodeEntry(v: unknown): TranscriptEntry | undefined {
  if (!isRecord(v)) return undefined;
  const sender = senderOf(own(v, 'from'));
  if (sender === undefined) return undefined;
  // `messages` is either the parts, or `{idChat, messages:[parts], actions}`; REST entries have neither.
  const m = own(v, 'messages');
  const wrapped = isRecord(m) && own(m, 'messages') !== undefined;
  const parts = m === undefined || m === null ? restParts(v) : decodeParts(wrapped ? own(m, 'messages') : m);
  if (parts.length < LIMITS.parts && !parts.some((part) => part.kind === 'files')) {
    const files = decodeFileList(own(v, 'files'));
    if (files.length > 0) parts.push({ kind: 'files', files });
  }
  const actions = mergeActions(
    decodeActionList(own(v, 'actions')),
    wrapped ? decodeActionList(own(m, 'actions')) : [],
  );
  // An entry with nothing to show (e.g. the empty bot-first `user_message`) is not a message.
  if (parts.length === 0 && actions.length === 0) return undefined;
  const entry: TranscriptEntry = { sender, parts, actions };
  const name = nameOf(sender, v);
  if (name !== undefined) entry.name = name;
  const messageId = text(own(v, 'message_id')) ?? text(own(v, 'ch_msg_id')) ?? text(own(v, 'id'));
  const clientMsgId = text(own(v, 'client_msg_id'));
  const at = epochMs(own(v, 'timestamp') ?? own(v, 'created_at') ?? own(v, 'createdAt'));
  if (messageId !== undefined) entry.messageId = messageId;
  if (clientMsgId !== undefined) entry.clientMsgId = clientMsgId;
  if (at !== undefined) entry.at = at;
  return entry;
}

/**
 * A REST entry (docs/protocol.md §7): `content` as the live frame carried it (the bot's parts, a user's
 * `{text, files}`), or only the parts that are not text, with the text in `text` beside it.
 */
function restParts(v: Rec): MessagePart[] {
  const parts = decodeParts(own(v, 'content'));
  const plain = text(own(v, 'text'));
  if (plain !== undefined && !parts.some((part) => part.kind === 'text')) {
    parts.unshift({ kind: 'text', text: plain });
    parts.length = Math.min(parts.length, LIMITS.parts);
  }
  return parts;
}

/** Epoch seconds or milliseconds, numeric or as an ISO date, in milliseconds. */
function epochMs(v: unknown): number | undefined {
  const n = num(v);
  const ms = n === undefined ? (typeof v === 'string' && v.length < 64 ? Date.parse(v) : Number.NaN) : n;
  // Below 1e11 a number is seconds (1e11 ms is 1973; 1e11 s is the year 5138).
  const at = Math.round(ms < 1e11 ? ms * 1000 : ms);
  return Number.isFinite(at) && at > 0 && at <= 8.64e15 ? at : undefined;
}

/** `from` arrives padded (`"agent "`) and in several vocabularies. */
export function senderOf(from: unknown): Sender | undefined {
  return typeof from === 'string' ? SENDERS.get(from.trim().toLowerCase()) : undefined;
}

function nameOf(sender: Sender, v: Rec): string | undefined {
  if (sender === 'bot') return text(own(v, 'chatbotName'));
  if (sender === 'agent') return text(own(v, 'livechatName'));
  return undefined;
}
