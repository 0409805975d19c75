/**
 * Which messages are shown and how they are grouped: consecutive messages of one sender (one agent, for
 * agents) within five minutes share a header with the name, avatar and time. System notices stand alone.
 */
import type { SenderKind } from '../protocol/model';
import { type ChatMessage, isVisible } from '../store/messages';

export const GROUP_WINDOW_MS = 5 * 60_000;

export interface MessageGroupModel {
  /** The first message's id: stable while the group grows. */
  key: string;
  sender: SenderKind;
  /** The agent's name for agent groups. */
  senderName?: string;
  /** The first message's time. */
  at: number;
  messages: ChatMessage[];
}

/** Pause-only and unknown-only messages have nothing to show; system notices always do. */
export function isShown(message: ChatMessage): boolean {
  return message.sender === 'system' || isVisible(message.parts);
}

function joins(group: MessageGroupModel, last: ChatMessage, next: ChatMessage, windowMs: number): boolean {
  if (next.sender === 'system' || group.sender !== next.sender) return false;
  if (next.sender === 'agent' && group.senderName !== next.senderName) return false;
  return Math.abs(next.at - last.at) <= windowMs;
}

export function groupMessages(
  messages: readonly ChatMessage[],
  windowMs = GROUP_WINDOW_MS,
): MessageGroupModel[] {
  const groups: MessageGroupModel[] = [];
  let current: MessageGroupModel | undefined;
  let last: ChatMessage | undefined;
  for (const message of messages) {
    if (current && last && joins(current, last, message, windowMs)) {
      current.messages.push(message);
    } else {
      current = {
        key: message.id,
        sender: message.sender,
        at: message.at,
        messages: [message],
        ...(message.sender === 'agent' && message.senderName ? { senderName: message.senderName } : {}),
      };
      groups.push(current);
    }
    last = message;
  }
  return groups;
}

/** Equal when the same messages, in order: lets an unchanged group skip rendering when one is appended. */
export function sameGroup(a: MessageGroupModel, b: MessageGroupModel): boolean {
  if (a === b) return true;
  if (a.key !== b.key || a.senderName !== b.senderName || a.messages.length !== b.messages.length)
    return false;
  return a.messages.every((m, i) => m === b.messages[i]);
}
