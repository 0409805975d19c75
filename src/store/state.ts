/** The widget's state as signals: the UI reads these and nothing else. */
import { type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { SessionStatus } from '../session';
import type { Attachment } from './attachments';
import type { ChatMessage } from './messages';

export interface AgentState {
  /** `waiting` from "talk to a human" until the hub says an agent joined or none could be assigned. */
  phase: 'none' | 'waiting' | 'joined';
  name?: string;
  avatar?: string;
}

export interface ChatState {
  open: Signal<boolean>;
  conversationId: Signal<string | undefined>;
  messages: Signal<ChatMessage[]>;
  connection: Signal<SessionStatus>;
  agent: Signal<AgentState>;
  /** Derived (unread.ts): hub messages that arrived while the panel was closed. */
  unread: ReadonlySignal<number>;
  /** Set while a bot or agent `pause` runs. */
  typing: Signal<{ name?: string } | undefined>;
  attachments: Signal<Attachment[]>;
  /** A problem with what the visitor is composing (message too long, file refused); cleared on edit. */
  composerError: Signal<string | undefined>;
}

/** Every signal but the derived ones, which are built from these. */
export function createState(open: boolean): Omit<ChatState, 'unread'> {
  return {
    open: signal(open),
    conversationId: signal(undefined),
    messages: signal([]),
    connection: signal({ state: 'connecting' }),
    agent: signal({ phase: 'none' }),
    typing: signal(undefined),
    attachments: signal([]),
    composerError: signal(undefined),
  };
}
