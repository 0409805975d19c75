/**
 * Answers from the hub's HTTP side (docs/protocol.md §7), decoded into the same frames the socket gives,
 * so the store handles both the same way. Never throws.
 *
 * An answer is the body of a 2xx as the transport read it: parsed JSON, text (such as `OK`), or
 * `undefined` when it could not be read. Requests that have an answer (metadata, conversation lists)
 * need a JSON body; confirmations (delete, edit, metadata) are confirmed by the 2xx itself, and their
 * ids come from the body when it names them, else from the request.
 */
import { decodeUserConversations } from './decode-conversations';
import { decodeDeleteSuccess, decodeMessageEdited, decodeMetadataUpdateSuccess } from './decode-events';
import { decodeTranscript } from './decode-transcript';
import type { DecodeResult, InboundFrame, OutboundFrame, Rejection } from './frames';
import { clip, type Invalid, isRecord, own, type Rec, text } from './guards';
import { safeRecord } from './safe-record';

export type AnswerDecode =
  | { kind: 'frame'; frame: InboundFrame }
  /** The body carries no answer (e.g. `OK`): whatever answers the request arrives over the socket. */
  | { kind: 'none' }
  | { kind: 'rejected'; rejection: Rejection };

type Reader = (answer: Rec, request: Rec) => InboundFrame | Invalid;

/** The answer field, else the request's: the hub may echo the ids or not. */
const either = (answer: Rec, request: Rec, key: string) => own(answer, key) ?? own(request, key);

const READERS = new Map<string, Reader>([
  ['metadata_request', metadataAnswer],
  ['get_user_conversations', (a) => decodeUserConversations(a)],
  ['get_user_conversations_v2', (a) => decodeUserConversations(a)],
]);

const CONFIRMATIONS = new Map<string, Reader>([
  [
    'delete_conversation',
    (a, r) =>
      decodeDeleteSuccess({
        conversation_id: either(a, r, 'conversation_id'),
        userId: either(a, r, 'userId'),
      }),
  ],
  ['delete_user_conversations', (a, r) => decodeDeleteSuccess({ userId: either(a, r, 'userId') })],
  [
    'edit_message',
    (a, r) =>
      decodeMessageEdited({
        conversation_id: either(a, r, 'conversation_id'),
        message_id: either(a, r, 'message_id'),
      }),
  ],
  ['metadata', (a, r) => decodeMetadataUpdateSuccess({ conversation_id: either(a, r, 'conversation_id') })],
]);

export function decodeHttpAnswer(request: OutboundFrame, answer: unknown): AnswerDecode {
  try {
    return decodeAnswerUnguarded(request, answer);
  } catch {
    // Unreachable by design (fuzzed unguarded); one lost answer beats a broken send path.
    return { kind: 'rejected', rejection: { reason: 'invalid_payload', detail: 'decoder failure' } };
  }
}

export function decodeAnswerUnguarded(request: OutboundFrame, answer: unknown): AnswerDecode {
  const eventType = request.event.event_type;
  const requestPayload = isRecord(request.event.event_payload) ? request.event.event_payload : {};
  const body = isRecord(answer) ? unwrap(answer) : undefined;
  const failure = isRecord(answer) ? (failureOf(answer) ?? failureOf(body ?? {})) : undefined;
  if (failure !== undefined) return rejected('invalid_payload', eventType, failure);
  const confirm = CONFIRMATIONS.get(eventType);
  if (confirm) return result(confirm(body ?? {}, requestPayload), eventType);
  const read = READERS.get(eventType);
  if (!read || typeof answer === 'string') return { kind: 'none' };
  if (answer === undefined) return rejected('not_json', eventType, 'answer could not be read');
  if (!body) return rejected('not_event', eventType, 'answer is not a JSON object');
  return result(read(body, requestPayload), eventType);
}

/** `{event:{event_payload}}` or `{event_type, event_payload}`, as some hubs wrap answers, else the body. */
function unwrap(body: Rec): Rec {
  const wrapped = own(body, 'event');
  const event = isRecord(wrapped) ? wrapped : body;
  const payload = own(event, 'event_payload');
  return isRecord(payload) ? payload : body;
}

/** A 2xx whose body says it failed: `{success:false}` or `{status:"error"}`. */
function failureOf(body: Rec): string | undefined {
  const status = own(body, 'status');
  if (own(body, 'success') !== false && status !== 'error' && status !== 'failed') return undefined;
  const message = text(own(body, 'message')) ?? text(own(body, 'error'));
  return message === undefined ? 'the hub says the request failed' : clip(message);
}

/** `{metadata}`, the socket's `{conversation_id, content}`, or the bare metadata object. */
function metadataAnswer(answer: Rec, request: Rec): InboundFrame {
  const inner = own(answer, 'metadata') ?? own(answer, 'content');
  const frame: InboundFrame = {
    type: 'conversation_metadata',
    metadata: safeRecord(isRecord(inner) ? inner : answer),
  };
  const conversationId = text(either(answer, request, 'conversation_id'));
  if (conversationId !== undefined) frame.conversationId = conversationId;
  return frame;
}

function result(r: InboundFrame | Invalid, eventType: string): AnswerDecode {
  return 'invalid' in r ? rejected('invalid_payload', eventType, r.invalid) : { kind: 'frame', frame: r };
}

function rejected(reason: Rejection['reason'], eventType: string, detail: string): AnswerDecode {
  return { kind: 'rejected', rejection: { reason, eventType, detail } };
}

/** `GET /api/transcript` → `{transcript:[…]}`: a `conversation_transcript` frame for `conversationId`. */
export function decodeRestTranscript(raw: unknown, conversationId: string): DecodeResult {
  try {
    return decodeRestTranscriptUnguarded(raw, conversationId);
  } catch {
    return { ok: false, rejection: { reason: 'invalid_payload', detail: 'decoder failure' } };
  }
}

export function decodeRestTranscriptUnguarded(raw: unknown, conversationId: string): DecodeResult {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { ok: false, rejection: { reason: 'not_json', detail: 'answer is not JSON' } };
    }
  }
  // The list may come bare, in `{transcript}`, or wrapped like a socket event.
  if (Array.isArray(value)) value = { transcript: value };
  if (!isRecord(value)) {
    return { ok: false, rejection: { reason: 'not_event', detail: 'answer is not a JSON object' } };
  }
  const result = decodeTranscript({ conversation_id: conversationId, ...unwrap(value) });
  if ('invalid' in result) {
    return {
      ok: false,
      rejection: { reason: 'invalid_payload', eventType: 'conversation_transcript', detail: result.invalid },
    };
  }
  return { ok: true, frame: result };
}
