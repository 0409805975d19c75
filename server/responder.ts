/**
 * Everything the hub says about a conversation, stored and delivered in one place: bot messages,
 * live-agent messages, conversation updates, errors (top-level or nested) and action frames.
 * Nothing is said about a conversation that was deleted meanwhile.
 */
import type { Conversation, ConversationStore, StoredMessage } from './conversations';
import type { ClientSocket, Registry } from './registry';
import { type Json, newEventId } from './wire';

export interface Responder {
  /**
   * Stores a bot message and delivers it (unless `deliver:false`: the 413 large message). One over
   * `maxFrameOut` becomes the documented 413 `general_error` with a `message_link` when `largeLink` is given.
   */
  bot(
    conv: Conversation,
    parts: unknown[],
    options?: { actions?: Json[]; deliver?: boolean; largeLink?: (messageId: string) => string },
  ): StoredMessage | null;
  agent(conv: Conversation, parts: unknown[]): StoredMessage | null;
  update(conv: Conversation, type: string, data: Json): void;
  /** A general_error to one socket (`to`) or, without it, to the conversation's sockets. */
  error(conversationId: string, code: number, desc: string | null, extra?: Json, to?: ClientSocket): void;
  action(conv: Conversation, payload: Json): void;
}

/** `general_error` as an event type and payload: top-level, or nested in `conversation_update`. */
export function errorEvent(
  conversationId: string,
  code: number,
  desc: string | null,
  extra: Json,
  nested: boolean,
): [string, Json] {
  const payload: Json = {
    conversation_id: conversationId,
    error_code: code,
    ...(desc ? { error_desc: desc } : {}),
    ...extra,
  };
  if (!nested) return ['general_error', payload];
  const inner = { ...payload, error_code: String(code) };
  return [
    'conversation_update',
    { event_type: 'general_error', event_payload: inner, event_id: newEventId() },
  ];
}

export function createResponder(deps: {
  store: ConversationStore;
  registry: Registry;
  nestedErrors: () => boolean;
}): Responder {
  const { store, registry } = deps;
  const alive = (conv: Conversation) => store.get(conv.id) === conv;

  const self: Responder = {
    bot(conv, parts, { actions, deliver = true, largeLink } = {}) {
      if (!alive(conv)) return null;
      const message = store.addMessage(conv, { from: 'bot', parts, ...(actions ? { actions } : {}) });
      if (!deliver) return message;
      const payload = { type: 'message_create', ch_msg_id: message.id, bot: {}, content: parts };
      if (largeLink && !registry.fits('bot_message', payload))
        self.error(conv.id, 413, null, { message_link: largeLink(message.id) });
      else registry.deliver(conv.id, 'bot_message', payload);
      return message;
    },
    agent(conv, parts) {
      if (!alive(conv)) return null;
      const message = store.addMessage(conv, { from: 'agent', parts });
      registry.deliver(conv.id, 'livechat_message', {
        type: 'message_create',
        conversation_id: conv.id,
        content: parts,
      });
      return message;
    },
    update(conv, type, data) {
      if (alive(conv))
        registry.deliver(conv.id, 'conversation_update', { type, conversation_id: conv.id, data });
    },
    error(conversationId, code, desc, extra = {}, to) {
      const [eventType, payload] = errorEvent(conversationId, code, desc, extra, deps.nestedErrors());
      if (to) registry.send(to, eventType, payload);
      else registry.deliver(conversationId, eventType, payload);
    },
    action(conv, payload) {
      if (alive(conv)) registry.deliver(conv.id, 'action', payload);
    },
  };
  return self;
}
