/**
 * The conversation store: conversations with their user, metadata, messages (user, bot and agent, in
 * order), recorded actions and live-agent state. Every mutation calls `onChange` (persistence hooks in).
 * Bounded: past `maxConversations` the oldest conversation goes, past `maxMessagesPerConversation` a
 * conversation's oldest messages go, and `sweep()` forgets conversations untouched for `ttlMs`.
 */
import type {
  AgentState,
  Conversation,
  NewConversation,
  NewMessage,
  RecordedAction,
  StoredMessage,
} from './conversation-model';
import { type Json, newUuid } from './wire';

export type {
  AgentState,
  Conversation,
  NewConversation,
  NewMessage,
  RecordedAction,
  Sender,
  StoredMessage,
} from './conversation-model';

export interface ConversationStore {
  create(init: NewConversation): Conversation;
  get(id: string): Conversation | undefined;
  all(): Conversation[];
  /** The user's conversations, newest first. */
  byUser(userId: string): Conversation[];
  remove(id: string): boolean;
  /** Removes every conversation of the user; returns the removed ids. */
  removeUser(userId: string): string[];
  addMessage(conv: Conversation, message: NewMessage): StoredMessage;
  /** Finds a user message by hub id or client id and replaces its parts. */
  editMessage(conv: Conversation, ids: readonly string[], parts: unknown[]): StoredMessage | undefined;
  mergeMetadata(conv: Conversation, patch: Json): void;
  recordAction(conv: Conversation, action: Omit<RecordedAction, 'at'>): void;
  setAgent(conv: Conversation, agent: AgentState): void;
  findMessage(messageId: string): { conv: Conversation; message: StoredMessage } | undefined;
  /** Replaces the whole content (loading from disk). */
  load(conversations: Conversation[]): void;
  /** Forgets conversations untouched for longer than the TTL; returns their ids. */
  sweep(now?: number): string[];
}

export interface StoreLimits {
  maxConversations: number;
  maxMessagesPerConversation: number;
  /** 0 keeps conversations for ever. */
  ttlMs: number;
}

const UNBOUNDED: StoreLimits = { maxConversations: Infinity, maxMessagesPerConversation: Infinity, ttlMs: 0 };

export function createConversationStore(
  onChange: () => void = () => {},
  limits: StoreLimits = UNBOUNDED,
): ConversationStore {
  /** In creation order, so the first entry is the oldest (evicted first). */
  const byId = new Map<string, Conversation>();
  let seq = 0;
  const evictOldest = () => {
    const oldest = byId.keys().next();
    if (!oldest.done) byId.delete(oldest.value);
  };
  const changed = <T>(value: T): T => {
    onChange();
    return value;
  };
  const newestFirst = (a: Conversation, b: Conversation) => b.createdAt - a.createdAt || b.seq - a.seq;

  return {
    create(init) {
      const conv: Conversation = {
        id: newUuid(),
        seq: ++seq,
        ...init,
        createdAt: Date.now(),
        messages: [],
        actions: [],
        agent: { connected: false },
      };
      while (byId.size >= limits.maxConversations) evictOldest();
      byId.set(conv.id, conv);
      return changed(conv);
    },
    get: (id) => byId.get(id),
    all: () => [...byId.values()].sort(newestFirst),
    byUser: (userId) => [...byId.values()].filter((c) => c.userId === userId).sort(newestFirst),
    remove: (id) => changed(byId.delete(id)),
    removeUser(userId) {
      const ids = [...byId.values()].filter((c) => c.userId === userId).map((c) => c.id);
      for (const id of ids) byId.delete(id);
      return changed(ids);
    },
    addMessage(conv, message) {
      const stored: StoredMessage = { ...message, id: message.id ?? newUuid(), at: Date.now() };
      conv.messages.push(stored);
      const over = conv.messages.length - limits.maxMessagesPerConversation;
      if (over > 0) conv.messages.splice(0, over);
      conv.touchedAt = stored.at;
      return changed(stored);
    },
    editMessage(conv, ids, parts) {
      const wanted = new Set(ids.filter((id) => id !== ''));
      const found = conv.messages.find(
        (m) =>
          m.from === 'user' &&
          (wanted.has(m.id) || (m.clientMsgId !== undefined && wanted.has(m.clientMsgId))),
      );
      if (!found) return undefined;
      found.parts = parts;
      found.editedAt = Date.now();
      return changed(found);
    },
    mergeMetadata(conv, patch) {
      conv.metadata = { ...conv.metadata, ...patch };
      changed(undefined);
    },
    recordAction(conv, action) {
      conv.actions.push({ ...action, at: Date.now() });
      changed(undefined);
    },
    setAgent(conv, agent) {
      conv.agent = agent;
      changed(undefined);
    },
    findMessage(messageId) {
      for (const conv of byId.values()) {
        const message = conv.messages.find((m) => m.id === messageId);
        if (message) return { conv, message };
      }
      return undefined;
    },
    load(conversations) {
      byId.clear();
      seq = 0;
      const oldestFirst = [...conversations].sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
      for (const conv of oldestFirst) {
        while (byId.size >= limits.maxConversations) evictOldest();
        byId.set(conv.id, conv);
        if (conv.seq > seq) seq = conv.seq;
      }
    },
    sweep(now = Date.now()) {
      if (limits.ttlMs <= 0) return [];
      const gone: string[] = [];
      for (const conv of byId.values()) {
        if ((conv.touchedAt ?? conv.createdAt) < now - limits.ttlMs) gone.push(conv.id);
      }
      for (const id of gone) byId.delete(id);
      if (gone.length > 0) onChange();
      return gone;
    },
  };
}
