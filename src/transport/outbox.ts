/**
 * Everything the visitor sends (messages, actions, metadata) waits here, keyed by `client_msg_id`, until the
 * socket is ready and a conversation exists. Items are plain data, so they can be stored and survive a reload;
 * the frame is built only at send time, with the conversation id current then.
 */
import {
  action,
  metadata as metadataFrame,
  type OutboundFrame,
  type OutgoingFile,
  userMessage,
} from '../protocol';
import { exceedsFrameLimit } from './connection';

export type OutboxItem =
  | { kind: 'message'; id: string; text: string; files?: OutgoingFile[] }
  | { kind: 'action'; id: string; actionId: string; data: Record<string, unknown> }
  | { kind: 'metadata'; id: string; metadata: Record<string, unknown> };

export function itemToFrame(item: OutboxItem, conversationId: string): OutboundFrame {
  switch (item.kind) {
    case 'message':
      return userMessage({ conversationId, clientMsgId: item.id, text: item.text, files: item.files });
    case 'action':
      return action({ conversationId, id: item.actionId, data: item.data });
    case 'metadata':
      return metadataFrame({ conversationId, clientMsgId: item.id, metadata: item.metadata });
  }
}

/** Stands in for a conversation id not yet known when measuring a frame: as long as the hub's UUIDs. */
const PLACEHOLDER_CONVERSATION_ID = '00000000-0000-4000-8000-000000000000';

/** Whether the gateway would refuse the item's frame (over 32 KB): refused before the visitor's text is lost. */
export function tooLargeToSend(item: OutboxItem, conversationId: string | undefined): boolean {
  return exceedsFrameLimit(itemToFrame(item, conversationId ?? PLACEHOLDER_CONVERSATION_ID));
}

export type FlushSend = (item: OutboxItem) => 'sent' | 'not_ready' | 'too_large';

export interface Outbox {
  add(item: OutboxItem): void;
  remove(id: string): OutboxItem | undefined;
  has(id: string): boolean;
  items(): readonly OutboxItem[];
  /**
   * Sends queued items in order until one cannot be sent. Returns the ids sent and those refused as too
   * large (which are dropped: resending them would only get the socket closed again).
   */
  flush(send: FlushSend): { sent: string[]; tooLarge: string[] };
  clear(): void;
}

export function createOutbox(
  onChange?: (items: readonly OutboxItem[]) => void,
  initial: OutboxItem[] = [],
): Outbox {
  let queue: OutboxItem[] = [...initial];
  const changed = (): void => onChange?.(queue);
  return {
    add(item) {
      if (queue.some((q) => q.id === item.id)) return;
      queue = [...queue, item];
      changed();
    },
    remove(id) {
      const found = queue.find((q) => q.id === id);
      if (!found) return undefined;
      queue = queue.filter((q) => q.id !== id);
      changed();
      return found;
    },
    has: (id) => queue.some((q) => q.id === id),
    items: () => queue,
    flush(send) {
      const sent: string[] = [];
      const tooLarge: string[] = [];
      for (const item of queue) {
        const result = send(item);
        if (result === 'not_ready') break;
        (result === 'sent' ? sent : tooLarge).push(item.id);
      }
      if (sent.length || tooLarge.length) {
        const done = new Set([...sent, ...tooLarge]);
        queue = queue.filter((q) => !done.has(q.id));
        changed();
      }
      return { sent, tooLarge };
    },
    clear() {
      queue = [];
      changed();
    },
  };
}
