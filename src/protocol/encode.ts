/**
 * Builders for every client → hub event, in the canonical form of docs/protocol.md §3. They return frames,
 * not strings, so the transport can inspect and queue them; `serialize` makes the wire text.
 */
import { userContent } from './encode-content';
import type { OutboundFrame, OutboundType, UserIdentity, UserMessageInput } from './frames';
import { newClientMsgId } from './ids';
import { safeRecord } from './safe-record';

export type MetadataTarget = 'default' | 'bot' | 'live' | 'bot_live';

function frame<T extends OutboundType>(type: T, payload: Record<string, unknown>): OutboundFrame<T> {
  return { action: 'sendMessage', event: { event_type: type, event_payload: payload } };
}

/**
 * The same event addressed to a socket, as the hub's HTTP side needs it: the hub pushes the answers to
 * the socket named here, so it must be the id of the latest `socket_connected`.
 */
export function withSocketId<T extends OutboundType>(
  f: OutboundFrame<T>,
  socketId: string,
): OutboundFrame<T> {
  return { action: f.action, event: { ...f.event, socket_id: socketId } };
}

/** Only the identity fields that are set; `userBasicInfo` is left out when none is. */
export function conversationStart(
  opts: { identity?: UserIdentity; metadata?: Record<string, unknown> } = {},
): OutboundFrame<'conversation_start'> {
  const { identity, metadata } = opts;
  const payload: Record<string, unknown> = {};
  if (identity?.userId) payload.userId = identity.userId;
  const info: Record<string, string> = {};
  if (identity?.firstName) info.firstName = identity.firstName;
  if (identity?.lastName) info.lastName = identity.lastName;
  if (identity?.email) info.email = identity.email;
  if (Object.keys(info).length > 0) payload.userBasicInfo = info;
  // The manual also shows `userData`/`userMetadata`; the vendor client has sent `metadata` since 1.1.3.
  if (metadata !== undefined) payload.metadata = safeRecord(metadata);
  return frame('conversation_start', payload);
}

export function userMessage(input: UserMessageInput): OutboundFrame<'user_message'> {
  return frame('user_message', {
    type: 'message_create',
    client_msg_id: input.clientMsgId,
    conversation_id: input.conversationId,
    content: userContent(input.text, input.files),
  });
}

/** The empty text message that lets the bot speak first; the UI never renders it. */
export function botFirstMessage(
  conversationId: string,
  clientMsgId: string = newClientMsgId(),
): OutboundFrame<'user_message'> {
  return userMessage({ conversationId, clientMsgId, text: '' });
}

export function action(opts: {
  conversationId: string;
  id: string;
  data?: Record<string, unknown>;
}): OutboundFrame<'action'> {
  return frame('action', {
    type: 'normal',
    id: opts.id,
    data: safeRecord(opts.data),
    conversation_id: opts.conversationId,
  });
}

export function metadata(opts: {
  conversationId: string;
  clientMsgId?: string;
  metadata: Record<string, unknown>;
  target?: MetadataTarget;
}): OutboundFrame<'metadata'> {
  return frame('metadata', {
    metadata: safeRecord(opts.metadata),
    target: opts.target ?? 'default',
    client_msg_id: opts.clientMsgId ?? newClientMsgId(),
    conversation_id: opts.conversationId,
  });
}

export function transcriptRequest(conversationId: string): OutboundFrame<'conversation_transcript_request'> {
  return frame('conversation_transcript_request', { conversation_id: conversationId });
}

export function getUserConversations(userId: string): OutboundFrame<'get_user_conversations'> {
  return frame('get_user_conversations', { userId });
}

/** Pagination goes out as strings, as the vendor's client sends it. */
export function getUserConversationsV2(opts: {
  userId: string;
  filter?: Record<string, unknown>;
  search?: Record<string, unknown>;
  pagination?: { page: number; limit: number };
}): OutboundFrame<'get_user_conversations_v2'> {
  const payload: Record<string, unknown> = { userId: opts.userId };
  if (opts.filter !== undefined) payload.filter = safeRecord(opts.filter);
  if (opts.search !== undefined) payload.search = safeRecord(opts.search);
  const p = opts.pagination;
  if (p !== undefined && Number.isFinite(p.page) && Number.isFinite(p.limit)) {
    payload.pagination = { page: String(Math.trunc(p.page)), limit: String(Math.trunc(p.limit)) };
  }
  return frame('get_user_conversations_v2', payload);
}

/** Deletes one conversation; `softdelete` keeps it on the hub for its operators, as the vendor's client asks. */
export function deleteConversation(
  conversationId: string,
  softdelete = true,
): OutboundFrame<'delete_conversation'> {
  return frame('delete_conversation', { conversation_id: conversationId, softdelete });
}

/** The manual's "delete all" over the socket: `delete_conversation` with a `userId` instead of a conversation id. */
export function deleteAllConversations(
  userId: string,
  softdelete = true,
): OutboundFrame<'delete_conversation'> {
  return frame('delete_conversation', { userId, softdelete });
}

export function deleteUserConversations(
  userId: string,
  softdelete = true,
): OutboundFrame<'delete_user_conversations'> {
  return frame('delete_user_conversations', { userId, softdelete });
}

export function metadataRequest(conversationId: string): OutboundFrame<'metadata_request'> {
  return frame('metadata_request', { conversation_id: conversationId });
}

export function editMessage(opts: {
  conversationId: string;
  clientMsgId?: string;
  messageId: string;
  text: string;
}): OutboundFrame<'edit_message'> {
  return frame('edit_message', {
    type: 'message_create',
    client_msg_id: opts.clientMsgId ?? newClientMsgId(),
    conversation_id: opts.conversationId,
    message_id: opts.messageId,
    content: { type: 'text', text: opts.text },
  });
}
