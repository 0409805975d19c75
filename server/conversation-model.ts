/**
 * What the hub stores about a conversation: its user, metadata, messages (user, bot and agent, in order),
 * recorded actions and live-agent state. Plain data, saved as JSON by persistence.ts.
 */
import type { Json } from './wire';

export type Sender = 'user' | 'bot' | 'agent';

export interface StoredMessage {
  /** The hub's message id (`ch_msg_id` for bot messages; the large-message id for 413s). */
  id: string;
  from: Sender;
  parts: unknown[];
  at: number;
  /** The client's `client_msg_id` (user messages). */
  clientMsgId?: string;
  /** Actions attached to a bot message (transcripts show them). */
  actions?: Json[];
  editedAt?: number;
}

export interface AgentState {
  connected: boolean;
  name?: string;
  avatar?: string;
}

export interface RecordedAction {
  id: string;
  type: string;
  data: unknown;
  at: number;
}

export interface Conversation {
  id: string;
  /** Creation order, for "newest first" listings even within one millisecond. */
  seq: number;
  userId: string | null;
  userBasicInfo: Json | null;
  metadata: Json;
  createdAt: number;
  /** The last time a message was added (TTL). Absent in data saved by older versions. */
  touchedAt?: number;
  messages: StoredMessage[];
  actions: RecordedAction[];
  agent: AgentState;
}

export interface NewConversation {
  userId: string | null;
  userBasicInfo: Json | null;
  metadata: Json;
}

export type NewMessage = Omit<StoredMessage, 'id' | 'at'> & { id?: string };

/** Metadata as the hub shows it to clients: without `private` (set by the site, never returned). */
export function visibleMetadata(metadata: Json): Json {
  const { private: _private, ...visible } = metadata;
  return visible;
}
