/** The widget's state as signals: the UI reads these and nothing else. */
import { type Signal, signal } from '@preact/signals';
import type { ConnectionStatus } from '../transport/connection';
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
  connection: Signal<ConnectionStatus>;
  agent: Signal<AgentState>;
  unread: Signal<number>;
  /** Set while a bot or agent `pause` runs. */
  typing: Signal<{ name?: string } | undefined>;
  attachments: Signal<Attachment[]>;
  /** A problem with what the visitor is composing (message too long, file refused); cleared on edit. */
  composerError: Signal<string | undefined>;
}

export function createState(open: boolean): ChatState {
  return {
    open: signal(open),
    conversationId: signal(undefined),
    messages: signal([]),
    connection: signal({ state: 'connecting' }),
    agent: signal({ phase: 'none' }),
    unread: signal(0),
    typing: signal(undefined),
    attachments: signal([]),
    composerError: signal(undefined),
  };
}
