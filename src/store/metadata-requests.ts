/**
 * `getMetadata()`: a `metadata_request` answered by `conversation_metadata`. The answer carries no request
 * id, so every caller waiting on that conversation gets it (a keepalive's answer counts too: it is the same
 * data). A request that gets no answer is rejected after `timeoutMs`.
 */
import { type InboundFrame, metadataRequest, type OutboundFrame } from '../protocol';

export const METADATA_TIMEOUT_MS = 10_000;

type Metadata = Record<string, unknown>;
interface Waiter {
  id: string;
  resolve(value: Metadata): void;
  timer: ReturnType<typeof setTimeout>;
}

export function createMetadataRequests(
  send: (frame: OutboundFrame) => void,
  timeoutMs = METADATA_TIMEOUT_MS,
) {
  let waiters: Waiter[] = [];
  return {
    /** The metadata of conversation `id`; `{}` at once without a conversation. */
    request(id: string | undefined): Promise<Metadata> {
      if (!id) return Promise.resolve({});
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w.timer !== timer);
          reject(new Error('getMetadata: the hub did not answer in time'));
        }, timeoutMs);
        waiters.push({ id, resolve, timer });
        send(metadataRequest(id));
      });
    },
    answer(frame: Extract<InboundFrame, { type: 'conversation_metadata' }>): void {
      const answered = waiters.filter((w) => !frame.conversationId || w.id === frame.conversationId);
      waiters = waiters.filter((w) => !answered.includes(w));
      for (const w of answered) {
        clearTimeout(w.timer);
        w.resolve({ ...frame.metadata });
      }
    },
  };
}
