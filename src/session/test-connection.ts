/**
 * A connection stand-in for tests of the session and the store: records what is sent, and lets a test play
 * the hub (ready, a dropped socket, inbound frames). Not part of the widget.
 */
import type { InboundFrame, OutboundFrame, Rejection } from '../protocol';
import type { Connection, ConnectionOptions } from '../transport/connection';

export function fakeConnection(initiallyReady = false) {
  const sent: OutboundFrame[] = [];
  let opts: ConnectionOptions | undefined;
  let ready = initiallyReady;
  const connection: Connection = {
    send(frame) {
      if (!ready) return 'not_ready';
      sent.push(frame);
      return 'sent';
    },
    sendText(text) {
      if (!ready) return 'not_ready';
      sent.push(JSON.parse(text));
      return 'sent';
    },
    get status() {
      return { state: ready ? ('connected' as const) : ('connecting' as const) };
    },
    get ready() {
      return ready;
    },
    retry() {},
    close() {},
  };
  return {
    sent,
    types: () => sent.map((f) => f.event.event_type),
    connect(o: ConnectionOptions): Connection {
      opts = o;
      return connection;
    },
    get options(): ConnectionOptions {
      if (!opts) throw new Error('not connected yet');
      return opts;
    },
    becomeReady(socketId = 'sock') {
      ready = true;
      opts!.onStatus({ state: 'connected' });
      opts!.onReady(socketId);
    },
    /** The socket dies: frames already handed to it may or may not have reached the hub. */
    drop() {
      ready = false;
      opts!.onStatus({ state: 'reconnecting', retryInMs: 1000 });
    },
    receive(frame: InboundFrame) {
      opts!.onFrame(frame);
    },
    reject(rejection: Rejection) {
      opts!.onReject?.(rejection);
    },
  };
}
