/**
 * Answers from the hub's HTTP side (docs/protocol.md §7), decoded into the same frames the socket gives,
 * so the store handles both the same way. Never throws.
 */
import { decodeTranscript } from './decode-transcript';
import type { DecodeResult, Rejection } from './frames';
import { isRecord, type Rec } from './guards';

/** `GET /api/transcript` → `{transcript:[…]}`: a `conversation_transcript` frame for `conversationId`. */
export function decodeRestTranscript(raw: unknown, conversationId: string): DecodeResult {
  const body = parseBody(raw);
  if (!body.ok) return body;
  const result = decodeTranscript({ conversation_id: conversationId, ...body.value });
  if ('invalid' in result) {
    return {
      ok: false,
      rejection: { reason: 'invalid_payload', eventType: 'conversation_transcript', detail: result.invalid },
    };
  }
  return { ok: true, frame: result };
}

/** An answer body, already parsed or still text, as an object. */
function parseBody(raw: unknown): { ok: true; value: Rec } | { ok: false; rejection: Rejection } {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { ok: false, rejection: { reason: 'not_json', detail: 'answer is not JSON' } };
    }
  }
  if (isRecord(value)) return { ok: true, value };
  return { ok: false, rejection: { reason: 'not_event', detail: 'answer is not a JSON object' } };
}
