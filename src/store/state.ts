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
  /** Older messages of this conversation exist than `messages` holds (message-log.ts keeps a bounded tail). */
  earlier: Signal<boolean>;
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

/** The state without what is derived from it (unread.ts): what modules that only read and write it take. */
export type ChatSignals = Omit<ChatState, 'unread'>;

export function createState(open: boolean): ChatSignals {
  return {
    open: signal(open),
    conversationId: signal(undefined),
    messages: signal([]),
    earlier: signal(false),
    connection: signal({ state: 'connecting' }),
    agent: signal({ phase: 'none' }),
    typing: signal(undefined),
    attachments: signal([]),
    composerError: signal(undefined),
  };
}
