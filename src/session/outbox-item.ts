/**
 * What the visitor sends, as plain data that can be stored and survive a reload, and its one way onto the
 * wire: the frame is built with the conversation id current at send time, serialized once, and measured once
 * (when queued) against the gateway's frame limit.
 */
import {
  action,
  frameByteLength,
  MAX_FRAME_BYTES,
  metadata as metadataFrame,
  type OutboundFrame,
  type OutgoingFile,
  serialize,
  userMessage,
} from '../protocol';

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

/**
 * Whether the gateway would refuse the item's frame (over 32 KB, closed with 1009 and retried for ever):
 * refused before the visitor's text leaves the composer.
 */
export function tooLargeToSend(item: OutboxItem, conversationId: string | undefined): boolean {
  const frame = itemToFrame(item, conversationId ?? PLACEHOLDER_CONVERSATION_ID);
  return frameByteLength(serialize(frame)) > MAX_FRAME_BYTES;
}
