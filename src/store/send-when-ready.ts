/**
 * Sends a request now, or, when the socket is not ready, at the next `connected` status: history requests
 * and `getMetadata()` must not fail only because they were made during a reconnect or right after load.
 * Identical waiting frames are sent once (opening the history view twice asks once).
 */
import type { Signal } from '@preact/signals';
import { type OutboundFrame, serialize } from '../protocol';
import type { SendResult, SessionStatus } from '../session';

export function createSendWhenReady(
  connection: Signal<SessionStatus>,
  send: (frame: OutboundFrame) => SendResult,
): (frame: OutboundFrame) => void {
  let waiting: OutboundFrame[] = [];
  let stop: (() => void) | undefined;

  function flush(): void {
    while (waiting[0] && send(waiting[0]) !== 'not_ready') waiting = waiting.slice(1);
    if (waiting.length || !stop) return;
    stop();
    stop = undefined;
  }

  return (frame) => {
    if (send(frame) !== 'not_ready') return;
    const text = serialize(frame);
    if (!waiting.some((f) => serialize(f) === text)) waiting.push(frame);
    // Subscribed only while something waits. Flushed after the store's own work on `connected` (its outbox
    // flush), so a queued `setMetadata` goes before a `metadata_request`.
    stop ??= connection.subscribe((status) => {
      if (status.state === 'connected') queueMicrotask(flush);
    });
  };
}
