/**
 * The host's `sent` event: once per message, action or metadata update this tab queued, when the hub has it
 * (a transcript or an HTTP answer confirmed a message; an action or metadata went over the socket, or HTTP
 * answered it). Kept apart from the messages on screen because actions and metadata have none.
 */
import type { Emit } from './events';

export type SentKind = 'message' | 'action' | 'metadata';

export function createSentEvents(emit: Emit, conversationId: () => string | undefined) {
  const waiting = new Map<string, SentKind>();
  return {
    /** An item this tab queued, to report once delivered. */
    track(id: string, kind: SentKind): void {
      waiting.set(id, kind);
    },
    /** The session's word on an item: `sent` reports it, anything else leaves it waiting (Retry may follow). */
    delivery(id: string, state: 'sending' | 'sent' | 'failed'): void {
      const kind = waiting.get(id);
      if (kind === undefined || state !== 'sent') return;
      waiting.delete(id);
      emit('sent', { kind, id, conversationId: conversationId() });
    },
  };
}

export type SentEvents = ReturnType<typeof createSentEvents>;
