/**
 * Conversation history (issue 4 §5): the visitor's conversations from `get_user_conversations_v2`, a page at
 * a time; deleting one or all of them; `getMetadata()`. The hub answers these without a correlation id, so
 * answers are matched by kind, and by conversation id where the hub gives one.
 *
 * A request made while the socket is down waits for the next `connected` status (send-when-ready.ts), so a
 * host may call `getMetadata()` right after load; its timeout bounds the wait. Deletes are bounded the same
 * way: one the hub does not confirm in time is reported, and the list is left as the hub last showed it.
 *
 * "Delete all" has two forms (docs/protocol.md §3): the manual's `delete_conversation {userId}` over the
 * socket, and `delete_user_conversations` over HTTP, where the vendor's client sends it.
 */
import { signal } from '@preact/signals';
import {
  type ConversationSummary,
  deleteAllConversations,
  deleteConversation,
  deleteUserConversations,
  getUserConversationsV2,
  type InboundFrame,
  type OutboundFrame,
} from '../protocol';
import type { SendResult } from '../session';
import type { SafeStorage } from '../storage';
import { createConversationDates } from './conversation-dates';
import { createMetadataRequests, METADATA_TIMEOUT_MS } from './metadata-requests';
import { createSendWhenReady } from './send-when-ready';
import type { ChatState } from './state';

export const PAGE_LIMIT = 10;

export interface HistoryDeps {
  state: Pick<ChatState, 'conversationId' | 'connection'>;
  storage: SafeStorage;
  now: () => number;
  send(frame: OutboundFrame): SendResult;
  /** The visitor's user id, if any: without one there is nothing to list or delete by user. */
  userId(): string | undefined;
  /** Shows another conversation: the store clears the log and requests its transcript. */
  openConversation(id: string): void;
  newConversation(): void;
  /**
   * Drops what waits to be sent into a deleted conversation (every one: no id), stored too; the session knows
   * whose its outbox is, so it is told of every delete.
   */
  forget(conversationId?: string): void;
  /** Which way client events go now: the form of "delete all" depends on it. */
  sendMode?(): 'socket' | 'http';
  /** A delete the hub did not confirm in time. */
  onDeleteTimeout?(which: 'one' | 'all'): void;
  timeoutMs?: number;
}

export function createHistory(deps: HistoryDeps) {
  const { state } = deps;
  const items = signal<ConversationSummary[]>([]);
  const loading = signal(false);
  const hasMore = signal(false);
  const dates = createConversationDates(deps.storage);
  const sendSoon = createSendWhenReady(state.connection, deps.send);
  const metadata = createMetadataRequests(sendSoon, deps.timeoutMs);
  let page = 1;
  let opening: string | undefined;
  const timeoutMs = deps.timeoutMs ?? METADATA_TIMEOUT_MS;
  /** Deletes waiting for the hub's word, by conversation id (`*`: all of the visitor's). */
  const deleting = new Map<string, ReturnType<typeof setTimeout>>();
  const ALL = '*';

  function awaitDeleted(key: string): void {
    clearTimeout(deleting.get(key));
    deleting.set(
      key,
      setTimeout(() => {
        deleting.delete(key);
        deps.onDeleteTimeout?.(key === ALL ? 'all' : 'one');
      }, timeoutMs),
    );
  }

  function settled(key: string): boolean {
    const timer = deleting.get(key);
    clearTimeout(timer);
    return deleting.delete(key);
  }

  // Every conversation id that appears other than by opening one from the list is a new conversation:
  // note when it started. The first call reports the id restored at load, which is not new.
  let initial = true;
  state.conversationId.subscribe((id) => {
    if (id && !initial && id !== opening) dates.note(id, deps.now());
    initial = false;
  });

  function load(next: number): void {
    const userId = deps.userId();
    if (!userId) {
      items.value = [];
      hasMore.value = false;
      return;
    }
    page = next;
    loading.value = true;
    sendSoon(getUserConversationsV2({ userId, pagination: { page: next, limit: PAGE_LIMIT } }));
  }

  function onList(frame: Extract<InboundFrame, { type: 'user_conversations' }>): void {
    const p = frame.pagination;
    // Without pagination the hub sent everything it has: the answer replaces the list.
    const append = p !== undefined && p.page > 1;
    const known = new Set(append ? items.value.map((c) => c.conversationId) : []);
    const fresh = frame.conversations.filter((c) => !known.has(c.conversationId));
    items.value = append ? [...items.value, ...fresh] : fresh;
    hasMore.value = p?.hasNextPage ?? false;
    page = p?.page ?? page;
    loading.value = false;
  }

  function onDeleted(frame: Extract<InboundFrame, { type: 'delete_conversation_success' }>): void {
    if (deleting.has(ALL) && (frame.userId !== undefined || frame.conversationId === undefined)) {
      settled(ALL);
      items.value = [];
      hasMore.value = false;
      dates.clear();
      deps.newConversation();
    } else if (frame.conversationId) {
      const id = frame.conversationId;
      settled(id);
      items.value = items.value.filter((c) => c.conversationId !== id);
      dates.forget(id);
    }
  }

  return {
    items,
    loading,
    hasMore,
    /** Whether the visitor has a user id yet (without one the hub has nothing listed for them). */
    hasUser: () => deps.userId() !== undefined,
    /** When this browser saw the conversation start, if it did. */
    startedAt: (id: string) => dates.get(id),
    refresh: () => load(1),
    loadMore: () => load(page + 1),
    open(id: string): void {
      if (id === state.conversationId.value) return;
      opening = id;
      deps.openConversation(id);
    },
    /** Deletes a conversation (the current one when `id` is omitted); deleting the current one starts afresh. */
    deleteConversation(id = state.conversationId.value): boolean {
      if (!id) return false;
      awaitDeleted(id);
      sendSoon(deleteConversation(id));
      // Before the switch: what the visitor left unsent there must not go into the next conversation.
      deps.forget(id);
      if (id === state.conversationId.value) deps.newConversation();
      return true;
    },
    /** Soft-deletes all of the visitor's conversations; the answer clears the list and starts afresh. */
    deleteAll(): boolean {
      const userId = deps.userId();
      if (!userId) return false;
      awaitDeleted(ALL);
      sendSoon(
        deps.sendMode?.() === 'http' ? deleteUserConversations(userId) : deleteAllConversations(userId),
      );
      // At once, as for one delete: nothing unsent goes into a conversation the visitor asked to delete.
      deps.forget();
      return true;
    },
    /** The hub's metadata of the current conversation (`{}` when there is none). */
    getMetadata: () => metadata.request(state.conversationId.value),
    dispose(): void {
      for (const timer of deleting.values()) clearTimeout(timer);
      deleting.clear();
    },
    /**
     * A logout: the list and the start dates were the previous visitor's. Every tab clears the dates itself:
     * another tab's view of storage may lag, and its next note would write the old ones back.
     */
    clear(): void {
      items.value = [];
      hasMore.value = false;
      page = 1;
      dates.clear();
    },
    /** Takes the hub's answers to history requests; returns whether the frame was one. */
    handle(frame: InboundFrame): boolean {
      if (frame.type === 'user_conversations') onList(frame);
      else if (frame.type === 'delete_conversation_success') onDeleted(frame);
      else if (frame.type === 'conversation_metadata') metadata.answer(frame);
      else return false;
      return true;
    },
  };
}

export type HistoryModel = ReturnType<typeof createHistory>;
