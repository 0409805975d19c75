/**
 * Applies a `conversation_transcript` to the screen: the first one after a reload renders the history; later
 * ones (after reconnects, or to confirm deliveries) add only what is missing and settle the session's outbox.
 *
 * A long transcript (a restore of thousands of messages) is applied over several tasks, so that no task
 * blocks the page for long: its entries are keyed in slices of a few milliseconds, merged with the screen in
 * one task, shown in the next (one render), and reported to the host in slices. Meanwhile the screen stays
 * as it was, save for what lands on it (the visitor's messages, a reply still playing): that stays after the
 * merged list. Frames that arrive meanwhile wait behind it (frame-queue.ts). A transcript overtaken (another
 * conversation, a reset) is dropped at the next slice, without touching the screen.
 */
import type { InboundFrame } from '../protocol';
import type { NextTask, Session } from '../session';
import { contentKey } from './content-key';
import type { Emit } from './events';
import type { MessageLog } from './message-log';
import { type ChatMessage, createMessage, isVisible, localId, messageText } from './messages';
import { type ReconcileResult, reconcile } from './reconcile';
import type { ChatSignals } from './state';

/** A transcript no longer than this is applied at once. */
export const SLICE = 500;
/** Work done per task before the next is waited for: far below the 50 ms of a long task, on a slow machine too. */
const TASK_MS = 8;
/** Entries handled between two looks at the clock. */
const CHECK_EVERY = 100;

export interface ApplyTranscriptContext {
  state: Pick<ChatSignals, 'conversationId' | 'messages' | 'earlier'>;
  log: Pick<MessageLog, 'replace' | 'room' | 'flush'>;
  session: Pick<Session, 'pending' | 'settle'>;
  emit: Emit;
  now: () => number;
  /** The screen shows nothing of this conversation yet: what the transcript brings is history. */
  restoring: () => boolean;
  /** Waits for a later task; absent: a transcript of any length is applied at once. */
  nextTask?: NextTask | undefined;
  /** Another transcript, conversation or visitor has taken over since this one arrived. */
  stale?: () => boolean;
}

type Transcript = Extract<InboundFrame, { type: 'conversation_transcript' }>;

/**
 * Returns undefined when the transcript was applied (or ignored) at once, else a promise of whether it was
 * applied (false: overtaken and dropped).
 */
export function applyTranscript(
  ctx: ApplyTranscriptContext,
  frame: Transcript,
): Promise<boolean> | undefined {
  const current = ctx.state.conversationId.value;
  if (!current || (frame.conversationId && frame.conversationId !== current)) return;
  const merge = mergeWith(ctx, frame);
  if (!ctx.nextTask || frame.entries.length <= SLICE) {
    const result = merge(ctx.state.messages.value);
    ctx.log.replace(result.messages, result.added, result.leftEarlier);
    report(ctx, result, current);
    return;
  }
  return applyInSlices(ctx, frame, merge, current, ctx.nextTask);
}

async function applyInSlices(
  ctx: ApplyTranscriptContext,
  frame: Transcript,
  merge: (local: readonly ChatMessage[], keys?: string[]) => ReconcileResult,
  current: string,
  nextTask: NextTask,
): Promise<boolean> {
  let until = 0;
  /** Waits for the next task once this one has run TASK_MS (or `now`); false when the apply was overtaken. */
  const pause = async (now: boolean): Promise<boolean> => {
    if (now || performance.now() > until) {
      await nextTask();
      until = performance.now() + TASK_MS;
    }
    return !ctx.stale?.() && ctx.state.conversationId.peek() === current;
  };
  // The task that brought the transcript has decoded it: keying starts in the next.
  const keys: string[] = [];
  for (const entry of frame.entries) {
    if (keys.length % CHECK_EVERY === 0 && !(await pause(keys.length === 0))) return false;
    keys.push(contentKey(entry.parts));
  }
  ctx.log.flush();
  const local = ctx.state.messages.peek();
  const result = merge(local, keys);
  if (!(await pause(true))) return false;
  ctx.log.flush();
  const before = new Set(local);
  const since = ctx.state.messages.peek().filter((m) => !before.has(m));
  ctx.log.replace([...result.messages, ...since], result.added, result.leftEarlier);
  ctx.session.settle(result.confirmed, result.missing);
  // Reported from the task that shows them on, in slices. The screen they were merged into may go
  // meanwhile: then nothing more of them is reported or counted as shown.
  const { added } = result;
  for (let i = 0; i < added.length; i++) {
    if (i % CHECK_EVERY === 0 && !(await pause(false))) return false;
    emitMessage(ctx.emit, added[i]!, current);
  }
  return true;
}

/** The transcript merged with a list of messages on screen (reconcile.ts). */
function mergeWith(ctx: ApplyTranscriptContext, frame: Transcript) {
  const restoring = ctx.restoring();
  // Entries older than everything on screen, once the log has let messages go, are history brought back.
  const trimmed = ctx.state.earlier.peek();
  const base = ctx.now() - frame.entries.length;
  const pending = ctx.session.pending();
  // One unique prefix per transcript, the entry's index after it: thousands of ids cost one clock read.
  const ids = localId('h');
  return (local: readonly ChatMessage[], keys?: string[]): ReconcileResult =>
    reconcile(
      local,
      frame.entries,
      pending,
      (entry, i, leading) =>
        createMessage({
          id: `${ids}-${i}`,
          sender: entry.sender,
          parts: entry.parts.filter((p) => p.kind !== 'pause'),
          at: base + i,
          history: restoring || (leading && trimmed),
          ...(entry.sender === 'user' ? { delivery: 'sent' as const } : {}),
          ...(entry.name && entry.sender === 'agent' ? { senderName: entry.name } : {}),
        }),
      ctx.log.room(),
      keys,
    );
}

function report(ctx: ApplyTranscriptContext, result: ReconcileResult, current: string): void {
  for (const message of result.added) emitMessage(ctx.emit, message, current);
  ctx.session.settle(result.confirmed, result.missing);
}

export function emitMessage(emit: Emit, message: ChatMessage, conversationId: string | undefined): void {
  if (!isVisible(message.parts) && message.sender !== 'system') return;
  emit('message', {
    id: message.id,
    sender: message.sender,
    text: messageText(message.parts),
    parts: message.parts,
    conversationId,
    at: message.at,
    history: message.history,
  });
}
