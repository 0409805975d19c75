/** The events the widget reports to the host page (docs/architecture.md §2), with their `detail` shapes. */
import type { MessagePart, SenderKind } from '../protocol';
import type { SendMode, SessionStatus } from '../session';

export interface HostEvents {
  /** `sendMode`: the configured send mode, where it is known when the widget announces itself. */
  ready: { sendMode?: SendMode };
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
  /** `sendMode`: as configured; `sendingVia`: the way events go now (`none`: the hub refuses both). */
  status: Pick<SessionStatus, 'state' | 'retryInMs' | 'sendMode' | 'sendingVia'>;
  conversation: { conversationId: string; isNew: boolean };
  error: { code: number | string; message: string };
  unread: { count: number };
  agent: { phase: 'waiting' | 'joined' | 'left' | 'failed'; name?: string; conversationId: string };
  /** A `conversation_update` of a type the widget has no meaning for: passed on as the hub sent it. */
  update: { type: string; data: Record<string, unknown>; conversationId: string | undefined };
  /** The hub has what this tab queued: a message (confirmed), an action or a metadata update. */
  sent: { kind: 'message' | 'action' | 'metadata'; id: string; conversationId: string | undefined };
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
  'sent',
];
