/**
 * Applies a `conversation_transcript` to the screen: the first one after a reload renders the history; later
 * ones (after reconnects, or to confirm deliveries) add only what is missing and settle the session's outbox.
 */
import type { InboundFrame } from '../protocol';
import type { Session } from '../session';
import type { Emit } from './events';
import type { MessageLog } from './message-log';
import { type ChatMessage, createMessage, isVisible, localId, messageText } from './messages';
import { reconcile } from './reconcile';
import type { ChatSignals } from './state';

export interface ApplyTranscriptContext {
  state: Pick<ChatSignals, 'conversationId' | 'messages' | 'earlier'>;
  log: Pick<MessageLog, 'replace' | 'room'>;
  session: Pick<Session, 'pending' | 'settle'>;
  emit: Emit;
  now: () => number;
  /** The screen shows nothing of this conversation yet: what the transcript brings is history. */
  restoring: () => boolean;
}

export function applyTranscript(
  ctx: ApplyTranscriptContext,
  frame: Extract<InboundFrame, { type: 'conversation_transcript' }>,
): void {
  const { state } = ctx;
  const current = state.conversationId.value;
  if (!current || (frame.conversationId && frame.conversationId !== current)) return;
  const restoring = ctx.restoring();
  // Entries older than everything on screen, once the log has let messages go, are history brought back.
  const trimmed = state.earlier.peek();
  const base = ctx.now() - frame.entries.length;
  const result = reconcile(
    state.messages.value,
    frame.entries,
    ctx.session.pending(),
    (entry, i, leading) =>
      createMessage({
        id: localId('h'),
        sender: entry.sender,
        parts: entry.parts.filter((p) => p.kind !== 'pause'),
        at: base + i,
        history: restoring || (leading && trimmed),
        ...(entry.sender === 'user' ? { delivery: 'sent' as const } : {}),
        ...(entry.name && entry.sender === 'agent' ? { senderName: entry.name } : {}),
      }),
    ctx.log.room(),
  );
  ctx.log.replace(result.messages, result.added, result.leftEarlier);
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
