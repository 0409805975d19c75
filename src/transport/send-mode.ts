/**
 * Which way the next client event goes: over the socket, or POSTed to the hub's HTTP side
 * (docs/protocol.md §7). A pure rule, fed what became of the events sent so far:
 *
 * - `socket` always uses the socket; `http` always uses HTTP and never falls back.
 * - `auto` without an HTTP side (a site's own `url` and no `http-url`) is the socket.
 * - `auto` with an HTTP side sends over HTTP first. The first `no-http-side` outcome switches this page view
 *   to the socket, and the event that met it goes over the socket: it never reached the hub, so no event
 *   is ever sent both ways.
 * - A socket send the hub's gateway refuses (`{"message":"Forbidden"}`, a frame without `event_type`)
 *   switches `auto` to HTTP when there is an HTTP side. That also takes back a switch to the socket made
 *   on an HTTP failure that was only a passing network fault (a browser cannot tell one from a CORS
 *   refusal before the HTTP side has ever answered).
 * - A way refused a second time, or the socket refused when there is no HTTP side, leaves `way` `none`:
 *   nothing takes events, and the visitor must be told. So a hub that refuses both costs at most three
 *   attempts, never a loop.
 * - Nothing else switches: `retry` outcomes (429, 5xx, timeouts), stale socket ids, rejections and
 *   deliveries say nothing about which way the hub takes.
 */
import type { InboundFrame } from '../protocol';
import type { HttpOutcomeKind } from './http-result';

export type SendMode = 'auto' | 'socket' | 'http';
export type SendWay = 'socket' | 'http';

/** What became of one event, on the way it went. */
export type SendEvidence =
  | { via: 'http'; outcome: HttpOutcomeKind }
  | { via: 'socket'; outcome: 'sent' | 'gateway-refused' };

export type SendModeReason =
  /** `socket` or `http` configured. */
  | 'configured'
  /** `auto`, and an HTTP side to try first. */
  | 'http-first'
  /** `auto` without an HTTP side. */
  | 'no-http-url'
  /** `auto`, after the HTTP side said it is not there. */
  | 'http-refused'
  /** `auto`, after the gateway refused a socket send. */
  | 'socket-refused'
  /** `auto`, after both ways refused. */
  | 'both-refused';

export interface SendModeState {
  readonly configured: SendMode;
  readonly hasHttpSide: boolean;
  readonly way: SendWay | 'none';
  readonly reason: SendModeReason;
  /** The refusals met in this page view, in order. */
  readonly refused: readonly SendWay[];
}

export function initialSendMode(configured: SendMode, hasHttpSide: boolean): SendModeState {
  if (configured !== 'auto')
    return { configured, hasHttpSide, way: configured, reason: 'configured', refused: [] };
  return hasHttpSide
    ? { configured, hasHttpSide, way: 'http', reason: 'http-first', refused: [] }
    : { configured, hasHttpSide, way: 'socket', reason: 'no-http-url', refused: [] };
}

/** The state after `evidence`; the same object when nothing changes, so a caller can see a switch. */
export function noteSendOutcome(state: SendModeState, evidence: SendEvidence): SendModeState {
  if (state.configured !== 'auto' || evidence.via !== state.way) return state;
  const refusal =
    (evidence.via === 'http' && evidence.outcome === 'no-http-side') ||
    (evidence.via === 'socket' && evidence.outcome === 'gateway-refused');
  if (!refusal) return state;
  const refusedBefore = state.refused.includes(evidence.via);
  const refused: SendWay[] = [...state.refused, evidence.via];
  const other: SendWay = evidence.via === 'http' ? 'socket' : 'http';
  if (refusedBefore || (other === 'http' && !state.hasHttpSide)) {
    return { ...state, way: 'none', reason: 'both-refused', refused };
  }
  return { ...state, way: other, reason: other === 'socket' ? 'http-refused' : 'socket-refused', refused };
}

/** The way the next event goes after `seen`, from the start of the page view. */
export function sendWayAfter(
  configured: SendMode,
  hasHttpSide: boolean,
  seen: readonly SendEvidence[],
): SendModeState {
  return seen.reduce(noteSendOutcome, initialSendMode(configured, hasHttpSide));
}

/**
 * The evidence a socket frame gives: the gateway's refusal of a frame it has no route for. The gateway
 * answers the frame just sent, so it is evidence about the latest socket send.
 */
export function socketEvidence(frame: InboundFrame): SendEvidence | undefined {
  return frame.type === 'gateway_error' && frame.code === 'gateway_forbidden'
    ? { via: 'socket', outcome: 'gateway-refused' }
    : undefined;
}

/** For the `ready`/`status` event details and the protocol console. */
export function sendModeDetail(state: SendModeState): { sendMode: SendMode; sendingVia: SendWay | 'none' } {
  return { sendMode: state.configured, sendingVia: state.way };
}
