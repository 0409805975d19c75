/** Wire text for outbound frames, and the size check the transport applies before sending. */
import type { OutboundFrame } from './frames';

/** A frame as it goes on the wire, or why it cannot: built once, sent over the socket or POSTed as is. */
export type WireText = { ok: true; text: string; bytes: number } | { ok: false; bytes: number };

/** The gateway's per-frame limit (docs/protocol.md §1); larger frames are closed with code 1009. */
export const MAX_FRAME_BYTES = 32 * 1024;

export function serialize(frame: OutboundFrame): string {
  return JSON.stringify(frame);
}

let utf8: TextEncoder | undefined;

/** The size the gateway counts: UTF-8 bytes, not UTF-16 code units. */
export function frameByteLength(s: string): number {
  // Created on first use so importing the protocol module has no side effects.
  utf8 ??= new TextEncoder();
  return utf8.encode(s).byteLength;
}

/**
 * The frame serialized and size-checked in one step. One limit for both ways out, so an event that fits
 * one send mode fits the other, and `auto` can switch without re-checking.
 */
export function toWire(frame: OutboundFrame): WireText {
  const text = serialize(frame);
  const bytes = frameByteLength(text);
  return bytes > MAX_FRAME_BYTES ? { ok: false, bytes } : { ok: true, text, bytes };
}
