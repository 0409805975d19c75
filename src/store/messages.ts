/**
 * The message model the UI renders. Fields that change after a message is shown (delivery state, the chosen
 * quick reply) are signals of their own, so a change re-renders that one message and not the list.
 */
import { type Signal, signal } from '@preact/signals';
import type { MessagePart, SenderKind } from '../protocol';
import type { DeliveryState } from '../session';

export type { DeliveryState };

export interface ChatMessage {
  /** `client_msg_id` for user messages, the hub's id (with a segment suffix) or a generated one otherwise. */
  id: string;
  sender: SenderKind;
  parts: MessagePart[];
  /** Epoch milliseconds. */
  at: number;
  /** Restored from a transcript rather than received live. */
  history: boolean;
  senderName?: string;
  avatar?: string;
  /** User messages whose shown text differs from what was sent (a quick reply shows its label, sends its value). */
  sentParts?: MessagePart[];
  /** System notices: errors are styled apart from information. */
  tone?: 'info' | 'error';
  /** User messages only. */
  delivery?: Signal<DeliveryState>;
  /** Quick replies: the label chosen, which disables the set. */
  chosen: Signal<string | undefined>;
}

export function createMessage(
  init: Omit<ChatMessage, 'chosen' | 'delivery'> & { delivery?: DeliveryState },
): ChatMessage {
  const { delivery, ...rest } = init;
  return {
    ...rest,
    chosen: signal(undefined),
    ...(delivery ? { delivery: signal(delivery) } : {}),
  };
}

/** The text parts joined, as host events report a message. */
export function messageText(parts: readonly MessagePart[]): string {
  return parts.flatMap((p) => (p.kind === 'text' ? [p.text] : p.kind === 'md' ? [p.md] : [])).join('\n');
}

/** Whether anything in the message can be shown (unknown parts are only reported to the host). */
export function isVisible(parts: readonly MessagePart[]): boolean {
  return parts.some(
    (p) => p.kind !== 'unknown' && p.kind !== 'pause' && !(p.kind === 'text' && p.text === ''),
  );
}

let counter = 0;
/** Ids for messages the hub sent without one; unique within the page. */
export function localId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** A notice from the widget itself (agent joined, errors), shown centred in the log. */
export function systemNotice(text: string, tone: 'info' | 'error', at: number): ChatMessage {
  return createMessage({
    id: localId('sys'),
    sender: 'system',
    parts: [{ kind: 'text', text }],
    at,
    history: false,
    tone,
  });
}
