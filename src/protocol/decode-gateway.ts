/**
 * Frames an API gateway writes itself, not the hub: JSON with a `message` and no `event_type`, such as
 * `{"message":"Forbidden","connectionId":"…","requestId":"…"}` for a frame it has no route for, or
 * `{"message":"Internal server error"}` when the hub behind it failed (docs/protocol.md §7). They are
 * recognised by shape and named by a stable code, so the widget can tell the visitor and the host
 * instead of counting them as garbage.
 */
import type { InboundFrame } from './frames';
import { clip, isRecord, own, text } from './guards';

export type GatewayCode = Extract<InboundFrame, { type: 'gateway_error' }>['code'];

// Order matters: the first pattern that matches names the code.
const CODES: readonly (readonly [RegExp, GatewayCode])[] = [
  [/forbidden|missing authentication token|unauthori[sz]ed/i, 'gateway_forbidden'],
  [/too many requests|limit exceeded|throttl|rate.?limit|rate exceeded/i, 'gateway_rate_limited'],
  [/internal server error|bad gateway|service unavailable|timed out|timeout/i, 'gateway_server_error'],
];

/** A gateway frame, or undefined when `msg` is anything else (an event, or not an object at all). */
export function decodeGatewayFrame(
  msg: unknown,
): Extract<InboundFrame, { type: 'gateway_error' }> | undefined {
  if (!isRecord(msg) || own(msg, 'event_type') !== undefined || own(msg, 'event') !== undefined)
    return undefined;
  const message = text(own(msg, 'message'));
  if (message === undefined) return undefined;
  const code = CODES.find(([pattern]) => pattern.test(message))?.[1] ?? 'gateway_error';
  const frame: Extract<InboundFrame, { type: 'gateway_error' }> = {
    type: 'gateway_error',
    code,
    message: clip(message),
  };
  const requestId = text(own(msg, 'requestId'));
  if (requestId !== undefined) frame.requestId = clip(requestId);
  return frame;
}
