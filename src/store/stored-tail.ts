/**
 * The newest part of the conversation on screen, kept in storage so that a page load shows it at once,
 * before the hub's transcript arrives (or when it never does); the transcript is then reconciled with it
 * like with anything on screen (apply-transcript.ts), so nothing shows twice and nothing moves.
 *
 * - One conversation's tail per site: the current one's. At most `TAIL_MESSAGES` messages and `TAIL_BYTES`
 *   of JSON, newest first; a message too large for the budget ends the tail there.
 * - The hub's messages (bot, agent) and the visitor's. A visitor message not confirmed yet is kept as a place
 *   only: on load it shows where it was, as the outbox has it then (sending, or failed with Retry), or not
 *   at all when the outbox no longer has it (delivered and confirmed since, or expired). So the screen keeps
 *   its order even when later messages were confirmed first. System notices belong to the page view that
 *   saw them.
 * - Written a moment after the log (or a delivery state in its tail) changes: a burst is one write.
 *   With `persist=none` storage is memory, so nothing outlives the page.
 * - Read as untrusted input: each message is checked (protocol/decode-stored.ts) and rendered as live
 *   content is. It goes with a delete of its conversation and with `reset()`.
 */
import { effect } from '@preact/signals';
import { decodeStoredMessage, type MessagePart } from '../protocol';
import type { SafeStorage } from '../storage';
import { type ChatMessage, createMessage } from './messages';
import type { ChatSignals } from './state';

const TAIL_KEY = 'tail';
export const TAIL_MESSAGES = 300;
export const TAIL_BYTES = 100_000;
/** Saves wait this long after the last change: a burst of messages is written once. */
const SAVE_DELAY_MS = 400;

/** A message as written (read back through protocol/decode-stored.ts). */
interface WrittenMessage {
  id: string;
  sender: 'user' | 'bot' | 'agent';
  parts: MessagePart[];
  at: number;
  name?: string;
  avatar?: string;
  /** What a visitor message sent, where it differs from what it shows (a quick reply's value). */
  sent?: MessagePart[];
  /** A visitor message the hub had not confirmed: its place, filled from the outbox on load. */
  pending?: true;
}

function toStored(m: ChatMessage): WrittenMessage | undefined {
  if (m.sender === 'system') return undefined;
  // Only the place of an unconfirmed message: its content is the outbox's, which fills the place on load.
  if (m.sender === 'user' && m.delivery?.peek() !== 'sent')
    return { id: m.id, sender: 'user', parts: [], at: m.at, pending: true };
  const parts = m.parts.filter((p) => p.kind !== 'pause' && p.kind !== 'unknown');
  if (parts.length === 0) return undefined;
  return {
    id: m.id,
    sender: m.sender,
    parts,
    at: m.at,
    ...(m.senderName ? { name: m.senderName } : {}),
    ...(m.avatar ? { avatar: m.avatar } : {}),
    ...(m.sentParts ? { sent: m.sentParts } : {}),
  };
}

/** Characters of text a part carries: what decides, before serialising, that a message cannot fit. */
const textLength = (p: MessagePart): number =>
  p.kind === 'text' ? p.text.length : p.kind === 'md' ? p.md.length : p.kind === 'html' ? p.html.length : 0;

/** The tail of `messages` within the budgets, oldest first. */
export function tailOf(messages: readonly ChatMessage[]): WrittenMessage[] {
  const out: WrittenMessage[] = [];
  let bytes = 0;
  for (let i = messages.length - 1; i >= 0 && out.length < TAIL_MESSAGES; i--) {
    const stored = toStored(messages[i]!);
    if (!stored) continue;
    // Text lengths first: a message of megabytes is not serialised to learn that it does not fit.
    const estimate = stored.parts.reduce((n, p) => n + textLength(p), 0);
    if (bytes + estimate > TAIL_BYTES) break;
    bytes += JSON.stringify(stored).length;
    if (bytes > TAIL_BYTES) break;
    out.push(stored);
  }
  return out.reverse();
}

/** A stored message as shown (history), `pending` for a place the outbox fills, or undefined when invalid. */
function fromStored(v: unknown): ChatMessage | { pending: string } | undefined {
  const m = decodeStoredMessage(v);
  if (!m) return undefined;
  if (m.pending) return { pending: m.id };
  return createMessage({
    id: m.id,
    sender: m.sender,
    parts: m.parts,
    at: m.at,
    history: true,
    ...(m.sender === 'user' ? { delivery: 'sent' as const } : {}),
    ...(m.sent ? { sentParts: m.sent } : {}),
    ...(m.name ? { senderName: m.name } : {}),
    ...(m.avatar ? { avatar: m.avatar } : {}),
  });
}

const isStoredTail = (v: unknown): v is { conversationId: string; messages: unknown[] } =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as { conversationId?: unknown }).conversationId === 'string' &&
  Array.isArray((v as { messages?: unknown }).messages);

/**
 * The screen a page load starts with: the stored tail of `conversationId` (as history; a message that fails
 * its check is left out), with the outbox's messages (`waiting`) in the places the tail kept for them and
 * the rest after it.
 */
export function readTail(
  storage: SafeStorage,
  conversationId: string | undefined,
  waiting: readonly ChatMessage[],
): ChatMessage[] {
  const stored = conversationId ? storage.get(TAIL_KEY, isStoredTail) : undefined;
  const tail =
    stored && stored.conversationId === conversationId ? stored.messages.slice(-TAIL_MESSAGES) : [];
  const outbox = new Map(waiting.map((m) => [m.id, m]));
  const out: ChatMessage[] = [];
  const ids = new Set<string>();
  for (const v of tail) {
    const read = fromStored(v);
    const message = read && 'pending' in read ? outbox.get(read.pending) : read;
    if (message && !ids.has(message.id)) {
      ids.add(message.id);
      out.push(message);
    }
  }
  for (const m of waiting) if (!ids.has(m.id)) out.push(m);
  return out;
}

/** Drops the stored tail when it is `conversationId`'s (a delete), or whatever it is (no id). */
export function forgetTail(storage: SafeStorage, conversationId?: string): void {
  const stored = storage.get(TAIL_KEY, isStoredTail);
  if (stored && (conversationId === undefined || stored.conversationId === conversationId))
    storage.remove(TAIL_KEY);
}

/**
 * Keeps the stored tail up to date with the log; returns the function that stops it. `page` is where
 * `pagehide` is heard: a page that goes (a reload, a link followed) writes what is due at once, so the next
 * load starts from what this one showed last (a message confirmed in its last moments keeps its place).
 */
export function keepTail(
  storage: SafeStorage,
  state: Pick<ChatSignals, 'messages' | 'conversationId'>,
  page: EventTarget | undefined = typeof window === 'undefined' ? undefined : window,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    timer = undefined;
    const conversationId = state.conversationId.peek();
    if (!conversationId) return;
    const messages = tailOf(state.messages.peek());
    // An empty screen (a conversation just switched to, its transcript still coming) keeps what is stored.
    if (messages.length > 0) storage.set(TAIL_KEY, { conversationId, messages });
  };
  const stop = effect(() => {
    const list = state.messages.value;
    state.conversationId.value;
    // A visitor message joins the tail when the hub confirms it, which changes its delivery, not the list:
    // the deliveries of the newest messages are watched too.
    for (let i = Math.max(0, list.length - TAIL_MESSAGES); i < list.length; i++) list[i]!.delivery?.value;
    if (timer === undefined) timer = setTimeout(save, SAVE_DELAY_MS);
  });
  const saveNow = (): void => {
    if (timer === undefined) return;
    clearTimeout(timer);
    save();
  };
  page?.addEventListener('pagehide', saveNow);
  return () => {
    stop();
    clearTimeout(timer);
    page?.removeEventListener('pagehide', saveNow);
  };
}
