/**
 * Which messages are shown and how they are grouped: consecutive messages of one sender (one agent, for
 * agents) within five minutes form a group, whose first message carries the header (name, avatar, time).
 * System notices stand alone. The log is windowed, so rows are flat: one per message, each knowing whether
 * it starts a group; that is decided from the whole conversation, never from the rendered slice, so a row's
 * look (and measured height) does not depend on where the window starts.
 */
import type { SenderKind } from '../../protocol/model';
import { type ChatMessage, isVisible } from '../../store/messages';

export const GROUP_WINDOW_MS = 5 * 60_000;

export interface LogRow {
  message: ChatMessage;
  /** Starts a group: shows the sender's name, avatar and time. */
  first: boolean;
}

/** Pause-only and unknown-only messages have nothing to show; system notices always do. */
export function isShown(message: ChatMessage): boolean {
  return message.sender === 'system' || isVisible(message.parts);
}

/** The shown messages in order, each marked when it starts a group. */
export function logRows(messages: readonly ChatMessage[], windowMs = GROUP_WINDOW_MS): LogRow[] {
  const rows: LogRow[] = [];
  let sender: SenderKind | undefined;
  let agentName: string | undefined;
  let lastAt = 0;
  for (const message of messages) {
    if (!isShown(message)) continue;
    const joins =
      message.sender !== 'system' &&
      message.sender === sender &&
      (message.sender !== 'agent' || message.senderName === agentName) &&
      Math.abs(message.at - lastAt) <= windowMs;
    if (!joins) {
      sender = message.sender;
      agentName = message.senderName;
    }
    lastAt = message.at;
    rows.push({ message, first: !joins });
  }
  return rows;
}
