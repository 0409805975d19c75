/** Decoders for the events whose payload is a handful of ids or one content array. */
import { decodeParts } from './decode-parts';
import type { InboundFrame } from './frames';
import { type Invalid, invalid, isRecord, num, own, type Rec, text } from './guards';
import { safeRecord } from './safe-record';

type Frame<T extends InboundFrame['type']> = Extract<InboundFrame, { type: T }>;

/** Sets `key` only when the value is present, so frames never carry `key: undefined`. */
function withOptional<T extends object, K extends string>(obj: T, key: K, value: string | undefined): T {
  if (value !== undefined) (obj as Record<string, unknown>)[key] = value;
  return obj;
}

export function decodeSocketConnected(p: Rec): Frame<'socket_connected'> {
  return withOptional({ type: 'socket_connected' }, 'socketId', text(own(p, 'socket_id')));
}

export function decodeStartSuccess(p: Rec): Frame<'conversation_start_success'> | Invalid {
  const conversationId = text(own(p, 'conversation_id'));
  // Without an id the conversation cannot be used, so this is not a success we can act on.
  if (conversationId === undefined) return invalid('conversation_id missing');
  return { type: 'conversation_start_success', conversationId };
}

/** `bot_message` and `livechat_message` share a shape; `conversation_id: ""` means "not given". */
export function decodeChatMessage(
  type: 'bot_message' | 'livechat_message',
  p: Rec,
): Frame<'bot_message' | 'livechat_message'> | Invalid {
  const content = own(p, 'content');
  if (content === undefined || content === null) return invalid('content missing');
  const frame: Frame<'bot_message' | 'livechat_message'> = { type, parts: decodeParts(content) };
  withOptional(
    frame,
    'messageId',
    text(own(p, 'ch_msg_id')) ?? text(own(p, 'message_id')) ?? text(own(p, 'id')),
  );
  return withOptional(frame, 'conversationId', text(own(p, 'conversation_id')));
}

export function decodeDeleteSuccess(p: Rec): Frame<'delete_conversation_success'> {
  const frame: Frame<'delete_conversation_success'> = { type: 'delete_conversation_success' };
  withOptional(frame, 'conversationId', text(own(p, 'conversation_id')));
  return withOptional(frame, 'userId', text(own(p, 'userId')));
}

export function decodeMetadataUpdateSuccess(p: Rec): Frame<'metadata_update_success'> {
  return withOptional({ type: 'metadata_update_success' }, 'conversationId', text(own(p, 'conversation_id')));
}

export function decodeConversationMetadata(p: Rec): Frame<'conversation_metadata'> {
  const content = own(p, 'content') ?? own(p, 'metadata');
  const frame: Frame<'conversation_metadata'> = {
    type: 'conversation_metadata',
    metadata: isRecord(content) ? safeRecord(content) : {},
  };
  return withOptional(frame, 'conversationId', text(own(p, 'conversation_id')));
}

export function decodeMessageEdited(p: Rec): Frame<'message_edited_success'> {
  const frame: Frame<'message_edited_success'> = { type: 'message_edited_success' };
  withOptional(frame, 'conversationId', text(own(p, 'conversation_id')));
  return withOptional(frame, 'messageId', text(own(p, 'message_id')));
}

/**
 * `general_error`, top-level or nested in `conversation_update`. An unreadable code becomes 0 rather
 * than a rejection: the description and the conversation id are still worth reporting.
 */
export function decodeGeneralError(p: Rec): Frame<'general_error'> {
  const code = num(own(p, 'error_code'));
  const frame: Frame<'general_error'> = { type: 'general_error', code: code ?? 0 };
  withOptional(frame, 'conversationId', text(own(p, 'conversation_id')));
  withOptional(frame, 'description', text(own(p, 'error_desc')));
  return withOptional(frame, 'messageLink', text(own(p, 'message_link')));
}
