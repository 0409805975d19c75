/**
 * `conversation_transcript` in both documented shapes (docs/protocol.md §5), flattened into one ordered
 * list of entries.
 */
import { decodeActionList, mergeActions } from './decode-actions';
import { decodeFileList } from './decode-files';
import { decodeParts } from './decode-parts';
import type { InboundFrame } from './frames';
import { collect, type Invalid, invalid, isRecord, LIMITS, own, type Rec, text } from './guards';
import type { TranscriptEntry } from './model';

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
  else if (Array.isArray(messages)) entries = collect(messages, LIMITS.transcriptEntries, decodeEntry);
  // Rejecting is safer than an empty transcript, which a store would take as "history is empty".
  else return invalid('neither transcript nor messages is a list');
  const frame: InboundFrame = { type: 'conversation_transcript', entries };
  const conversationId = text(own(p, 'conversation_id'));
  if (conversationId !== undefined) frame.conversationId = conversationId;
  return frame;
}

/** `transcript:[{event_id, messages:[entry…]}]`; an entry listed directly is taken too. */
function fromGroups(groups: readonly unknown[]): TranscriptEntry[] {
  const out: TranscriptEntry[] = [];
  const end = Math.min(groups.length, LIMITS.scan);
  for (let i = 0; i < end && out.length < LIMITS.transcriptEntries; i++) {
    const group = groups[i];
    const items = own(group, 'from') === undefined ? own(group, 'messages') : [group];
    if (!Array.isArray(items)) continue;
    out.push(...collect(items, LIMITS.transcriptEntries - out.length, decodeEntry));
  }
  return out;
}

export function decodeEntry(v: unknown): TranscriptEntry | undefined {
  if (!isRecord(v)) return undefined;
  const sender = senderOf(own(v, 'from'));
  if (sender === undefined) return undefined;
  // `messages` is either the parts, or `{idChat, messages:[parts], actions}`.
  const m = own(v, 'messages');
  const wrapped = isRecord(m) && own(m, 'messages') !== undefined;
  const parts = decodeParts(wrapped ? own(m, 'messages') : m);
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
  return entry;
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
