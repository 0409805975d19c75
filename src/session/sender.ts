/**
 * How events leave the leading tab: the sender a hub session (hub-session.ts) is built with. `socketSender`
 * sends everything over the socket, as the manual does; way-sender.ts sends as the send mode says.
 */
import type { InboundFrame, OutboundFrame, Rejection } from '../protocol';
import type { Connection, SendResult } from '../transport/connection';
import type { Carrier, Outbox } from './outbox';
import type { SessionStatus } from './session';

/** What a sender is given: the socket, the outbox, and the ways to hand the store what comes back. */
export interface SenderContext {
  connection(): Connection | undefined;
  outbox(): Outbox | undefined;
  deliver(frame: InboundFrame): void;
  reject(rejection: Rejection): void;
  /** Events go another way now; `none` (with why): the hub takes them neither way, or refuses the key. */
  wayChanged(way: 'socket' | 'http' | 'none', refused?: string): void;
}

export interface Sender {
  /** For the `status` event and the console: the configured mode and the way events go now. */
  detail(): Pick<SessionStatus, 'sendMode' | 'sendingVia'>;
  readonly carrier: Carrier;
  request(frame: OutboundFrame): SendResult;
  /** A fresh `socket_connected`, with the socket id HTTP sends must carry. */
  onReady(socketId: string | undefined): void;
  onDown(): void;
  /** The gateway refused a socket frame; whether that is handled (the store need not hear of it). */
  gatewayRefused(): boolean;
}

export type SenderFactory = (ctx: SenderContext) => Sender;

/** Until the sender is there, nothing can go out. */
export const loadingSender: Sender = {
  detail: () => ({}),
  carrier: { answers: false, send: () => 'not_ready' },
  request: () => 'not_ready',
  onReady() {},
  onDown() {},
  gatewayRefused: () => false,
};

export const socketSender: SenderFactory = (ctx) => ({
  detail: () => ({ sendMode: 'socket', sendingVia: 'socket' }),
  carrier: {
    answers: false,
    send: (_id, _frame, text) => ctx.connection()?.sendText(text) ?? 'not_ready',
  },
  request: (frame) => ctx.connection()?.send(frame) ?? 'not_ready',
  onReady() {},
  onDown() {},
  gatewayRefused: () => false,
});
