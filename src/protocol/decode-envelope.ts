/** A parsed frame → `{eventType, payload, eventId}`, accepting the wrapped and the bare envelope. */
import type { Rejection } from './frames';
import { clip, isRecord, own, type Rec, text } from './guards';

export interface Envelope {
  eventType: string;
  payload: Rec;
  eventId?: string;
}

/** Socket text → JSON; anything that is not text is taken as already parsed. */
export function parseFrame(raw: unknown): { json: unknown } | Rejection {
  if (typeof raw !== 'string') return { json: raw };
  try {
    return { json: JSON.parse(raw) };
  } catch {
    return { reason: 'not_json', detail: 'frame is not JSON text' };
  }
}

export function readEnvelope(msg: unknown): Envelope | Rejection {
  if (!isRecord(msg)) return { reason: 'not_event', detail: 'frame is not a JSON object' };
  // Server frames wrap the event as `{action:'receiveMessage', event:{…}}`; some send it bare.
  const wrapped = own(msg, 'event');
  const event = isRecord(wrapped) ? wrapped : msg;
  const eventType = own(event, 'event_type');
  if (typeof eventType !== 'string' || eventType.trim() === '') {
    return { reason: 'not_event', detail: 'frame has no string event_type' };
  }
  const payload = own(event, 'event_payload');
  const envelope: Envelope = { eventType: clip(eventType.trim()), payload: isRecord(payload) ? payload : {} };
  const eventId = text(own(event, 'event_id'));
  if (eventId !== undefined) envelope.eventId = eventId;
  return envelope;
}

export function isRejection<T extends object>(v: T | Rejection): v is Rejection {
  return 'reason' in v;
}
