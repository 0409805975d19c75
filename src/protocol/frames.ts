import type {
  ActionModel,
  AgentInfo,
  ConversationSummary,
  MessagePart,
  OutgoingFile,
  Pagination,
  TranscriptEntry,
} from './model';

/** Hub → client frames after `decode`, one variant per event, whatever shape the hub used. */
export type InboundFrame =
  | { type: 'socket_connected'; socketId?: string }
  | { type: 'conversation_start_success'; conversationId: string }
  | { type: 'bot_message'; messageId?: string; conversationId?: string; parts: MessagePart[] }
  | { type: 'livechat_message'; messageId?: string; conversationId?: string; parts: MessagePart[] }
  | { type: 'action'; actions: ActionModel[] }
  | { type: 'conversation_transcript'; conversationId?: string; entries: TranscriptEntry[] }
  | { type: 'user_conversations'; conversations: ConversationSummary[]; pagination?: Pagination }
  | { type: 'delete_conversation_success'; conversationId?: string; userId?: string }
  | { type: 'metadata_update_success'; conversationId?: string }
  | { type: 'conversation_metadata'; conversationId?: string; metadata: Record<string, unknown> }
  | { type: 'message_edited_success'; conversationId?: string; messageId?: string }
  | {
      type: 'agent_update';
      status: 'connected' | 'disconnected' | 'failed';
      conversationId?: string;
      agent?: AgentInfo;
    }
  | {
      /** A `conversation_update` of a type this client has no meaning for yet (the manual says more will come). */
      type: 'conversation_update';
      updateType: string;
      conversationId?: string;
      data: Record<string, unknown>;
    }
  | {
      /** A frame the API gateway wrote itself (no `event_type`): refused, failed or throttled. */
      type: 'gateway_error';
      code: 'gateway_forbidden' | 'gateway_rate_limited' | 'gateway_server_error' | 'gateway_error';
      message: string;
      requestId?: string;
    }
  | {
      /** From a top-level `general_error` or one nested in `conversation_update`. */
      type: 'general_error';
      conversationId?: string;
      code: number;
      description?: string;
      messageLink?: string;
    };

export type InboundType = InboundFrame['type'];

export type RejectReason =
  /** Not parseable JSON text. */
  | 'not_json'
  /** JSON, but not an object with an `event_type`. */
  | 'not_event'
  /** An `event_type` this client does not know. */
  | 'unknown_event'
  /** A known event whose payload lacks what the event needs. */
  | 'invalid_payload';

export interface Rejection {
  reason: RejectReason;
  eventType?: string;
  detail: string;
}

export type DecodeResult =
  | { ok: true; frame: InboundFrame; eventId?: string }
  | { ok: false; rejection: Rejection };

/**
 * Client → hub envelope, exactly as sent. `socket_id` is set only on events POSTed to the hub's HTTP side,
 * to name the socket that receives the answers (docs/protocol.md §7).
 */
export interface OutboundFrame<T extends string = OutboundType, P = Record<string, unknown>> {
  action: 'sendMessage';
  event: { event_type: T; event_payload: P; socket_id?: string };
}

export type OutboundType =
  | 'conversation_start'
  | 'user_message'
  | 'action'
  | 'metadata'
  | 'conversation_transcript_request'
  | 'get_user_conversations'
  | 'get_user_conversations_v2'
  | 'delete_conversation'
  | 'delete_user_conversations'
  | 'metadata_request'
  | 'edit_message';

export interface UserIdentity {
  userId?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
}

export interface UserMessageInput {
  conversationId: string;
  clientMsgId: string;
  text: string;
  files?: OutgoingFile[];
}
