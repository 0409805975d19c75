/**
 * One client event, whichever way it came (a socket frame or an HTTP POST naming the socket): attach
 * the socket to the conversation the event names, log it, and run its handler with a `Reply` that says
 * where direct answers go (the socket, or the HTTP body: see http-send.ts).
 */
import type { ConversationStore } from './conversations';
import type { FrameLog, FrameRecord } from './frame-log';
import type { ClientSocket, Registry } from './registry';
import type { Responder } from './responder';
import { type InboundEvent, type Json, KNOWN_EVENTS, str } from './wire';

export interface Reply {
  /** A direct answer to the asking client. */
  send(eventType: string, payload: Json): void;
  /** A `general_error` about the request to the asking client. */
  error(conversationId: string, code: number, desc: string): void;
}

export type Handler = (client: ClientSocket, payload: Json, record: FrameRecord, reply: Reply) => void;

/** Answers over the socket itself. */
export const socketReply = (client: ClientSocket, registry: Registry, responder: Responder): Reply => ({
  send: (eventType, payload) => registry.send(client, eventType, payload),
  error: (conversationId, code, desc) => responder.error(conversationId, code, desc, {}, client),
});

export type Dispatch = (
  client: ClientSocket,
  event: InboundEvent,
  reply: Reply,
  via: 'socket' | 'http',
) => void;

export function createDispatch(deps: {
  registry: Registry;
  store: ConversationStore;
  frameLog: FrameLog;
  handlers: Record<string, Handler>;
  log: ((line: string) => void) | null;
  warn: (line: string) => void;
}): Dispatch {
  const { registry, store, frameLog, handlers, log } = deps;
  return (client, event, reply, via) => {
    const named = str(event.payload.conversation_id);
    if (named !== undefined && store.get(named)) registry.attach(client, named);
    const record = frameLog.record({
      socketId: client.id,
      conversationId: named ?? client.conversationId,
      eventType: event.eventType,
      payload: event.payload,
      via,
    });
    const handler = KNOWN_EVENTS.has(event.eventType) ? handlers[event.eventType] : undefined;
    if (!handler) {
      frameLog.countUnknown();
      log?.(`  ignored: unknown event_type ${event.eventType}`);
      return;
    }
    try {
      handler(client, event.payload, record, reply);
    } catch (error) {
      deps.warn(`handler ${event.eventType} failed: ${(error as Error).stack ?? String(error)}`);
    }
  };
}
