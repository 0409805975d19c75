/**
 * The wire format from the hub's side (docs/protocol.md §2): parse client frames tolerantly, build server
 * frames in the wrapped (`receiveMessage`) or bare envelope, make ids.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Envelope } from './options';

export type Json = Record<string, unknown>;

export interface InboundEvent {
  eventType: string;
  payload: Json;
  /** `event.socket_id`: the socket an HTTP send names (docs/protocol.md §7). */
  socketId?: string;
}

/** Client → hub event types this emulator answers. */
export const KNOWN_EVENTS: ReadonlySet<string> = new Set([
  'conversation_start',
  'user_message',
  'metadata',
  'action',
  'conversation_transcript_request',
  'get_user_conversations',
  'get_user_conversations_v2',
  'delete_conversation',
  'delete_user_conversations',
  'metadata_request',
  'edit_message',
]);

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A non-empty string, or undefined. Numbers are accepted as ids and stringified. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Base64-ish event id like the gateway's (`Vp6x7GxOLPEFb7A=`). */
export const newEventId = (): string => randomBytes(10).toString('base64');
export const newSocketId = (): string => randomBytes(10).toString('base64');
export const newUuid = (): string => randomUUID();

/**
 * Parses a client frame: `{action:'sendMessage', event:{event_type, event_payload}}` or the bare event.
 * Returns null for anything that is not a JSON object carrying an `event_type` string.
 */
export function parseInbound(raw: string): InboundEvent | null {
  let msg: unknown;
  try {
    msg = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(msg)) return null;
  const event = isObject(msg.event) ? msg.event : msg;
  if (typeof event.event_type !== 'string' || event.event_type === '') return null;
  const payload = isObject(event.event_payload) ? event.event_payload : {};
  const socketId = str(event.socket_id);
  return { eventType: event.event_type, payload, ...(socketId ? { socketId } : {}) };
}

/** Builds a server frame with a fresh `event_id` and `accepts_response_payload:false`. */
export function buildFrame(eventType: string, payload: Json, envelope: Envelope): Json {
  const event = {
    event_type: eventType,
    event_payload: payload,
    event_id: newEventId(),
    accepts_response_payload: false,
  };
  return envelope === 'bare' ? event : { action: 'receiveMessage', event };
}

/**
 * A frame given to the control `push`: `{event_type, event_payload}` (without `action`) is wrapped like
 * any server frame; anything else is sent verbatim.
 */
export function framePushed(frame: unknown, envelope: Envelope): unknown {
  if (
    isObject(frame) &&
    typeof frame.event_type === 'string' &&
    !('action' in frame) &&
    !('event' in frame)
  ) {
    const payload = isObject(frame.event_payload) ? frame.event_payload : {};
    return buildFrame(frame.event_type, payload, envelope);
  }
  return frame;
}
