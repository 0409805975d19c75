/** The events the widget reports to the host page (docs/architecture.md §2), with their `detail` shapes. */
import type { MessagePart, SenderKind } from '../protocol';
import type { ConnectionState } from '../transport/connection';

export interface HostEvents {
  ready: Record<string, never>;
  open: Record<string, never>;
  close: Record<string, never>;
  message: {
    id: string;
    sender: SenderKind;
    text: string;
    parts: MessagePart[];
    conversationId: string | undefined;
    at: number;
    history: boolean;
  };
  action: { id: string; data: Record<string, unknown>; type: string };
  status: { state: ConnectionState; retryInMs?: number };
  conversation: { conversationId: string; isNew: boolean };
  error: { code: number | string; message: string };
  unread: { count: number };
  agent: { phase: 'waiting' | 'joined' | 'left' | 'failed'; name?: string; conversationId: string };
  /** A `conversation_update` of a type the widget has no meaning for: passed on as the hub sent it. */
  update: { type: string; data: Record<string, unknown>; conversationId: string | undefined };
}

export type HostEventName = keyof HostEvents;

export type Emit = <K extends HostEventName>(name: K, detail: HostEvents[K]) => void;

export const HOST_EVENT_NAMES: readonly HostEventName[] = [
  'ready',
  'open',
  'close',
  'message',
  'action',
  'status',
  'conversation',
  'error',
  'unread',
  'agent',
  'update',
];
