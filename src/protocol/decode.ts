/**
 * The one entry point from the socket into the model: `decode(raw)` turns any frame into either an
 * `InboundFrame` or a counted `Rejection`, and never throws.
 */
import { decodeActionEvent } from './decode-actions';
import { decodeConversationUpdate } from './decode-agent';
import { decodeUserConversations } from './decode-conversations';
import { isRejection, parseFrame, readEnvelope } from './decode-envelope';
import {
  decodeChatMessage,
  decodeConversationMetadata,
  decodeDeleteSuccess,
  decodeGeneralError,
  decodeMessageEdited,
  decodeMetadataUpdateSuccess,
  decodeSocketConnected,
  decodeStartSuccess,
} from './decode-events';
import { decodeGatewayFrame } from './decode-gateway';
import { decodeTranscript } from './decode-transcript';
import type { DecodeResult, InboundFrame } from './frames';
import type { Invalid, Rec } from './guards';

type EventDecoder = (payload: Rec) => InboundFrame | Invalid;

// A Map, not an object literal: `event_type: "toString"` must be an unknown event, not a crash.
const DECODERS = new Map<string, EventDecoder>([
  ['socket_connected', decodeSocketConnected],
  ['conversation_start_success', decodeStartSuccess],
  ['bot_message', (p) => decodeChatMessage('bot_message', p)],
  ['livechat_message', (p) => decodeChatMessage('livechat_message', p)],
  ['action', decodeActionEvent],
  ['conversation_transcript', decodeTranscript],
  ['user_conversations', decodeUserConversations],
  ['delete_conversation_success', decodeDeleteSuccess],
  ['metadata_update_success', decodeMetadataUpdateSuccess],
  ['conversation_metadata', decodeConversationMetadata],
  // The manual lists these two among the events a channel receives: the same answers under the request's name.
  ['metadata_request', decodeConversationMetadata],
  ['get_conversations', decodeUserConversations],
  ['message_edited_success', decodeMessageEdited],
  ['conversation_update', decodeConversationUpdate],
  ['general_error', decodeGeneralError],
]);

/** Event types `decode` understands (for hub emulators and diagnostics). */
export const KNOWN_INBOUND_EVENTS: readonly string[] = [...DECODERS.keys()];

export function decode(raw: unknown): DecodeResult {
  try {
    return decodeUnguarded(raw);
  } catch {
    // Unreachable by design (the fuzz tests run `decodeUnguarded` itself); kept so a future bug
    // costs one dropped frame instead of a dead socket handler.
    return { ok: false, rejection: { reason: 'invalid_payload', detail: 'decoder failure' } };
  }
}

/** `decode` without the safety net, exported for the tests that prove the net is never needed. */
export function decodeUnguarded(raw: unknown): DecodeResult {
  const parsed = parseFrame(raw);
  if (isRejection(parsed)) return { ok: false, rejection: parsed };
  const gateway = decodeGatewayFrame(parsed.json);
  if (gateway !== undefined) return { ok: true, frame: gateway };
  const envelope = readEnvelope(parsed.json);
  if (isRejection(envelope)) return { ok: false, rejection: envelope };
  const { eventType, payload, eventId } = envelope;
  const decoder = DECODERS.get(eventType);
  if (decoder === undefined) {
    return { ok: false, rejection: { reason: 'unknown_event', eventType, detail: 'unknown event_type' } };
  }
  const result = decoder(payload);
  if ('invalid' in result) {
    return { ok: false, rejection: { reason: 'invalid_payload', eventType, detail: result.invalid } };
  }
  return eventId === undefined ? { ok: true, frame: result } : { ok: true, frame: result, eventId };
}
