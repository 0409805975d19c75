/**
 * Conversation history (issue 4 §5): the visitor's conversations from `get_user_conversations_v2`, a page at
 * a time; deleting one or all of them; `getMetadata()`. The hub answers these without a correlation id, so
 * answers are matched by kind, and by conversation id where the hub gives one.
 *
 * A request made while the socket is down waits for the next `connected` status rather than failing, so a
 * host may call `getMetadata()` right after load; its timeout bounds the wait.
 */
import { signal } from '@preact/signals';
import {
  type ConversationSummary,
  deleteConversation,
  deleteUserConversations,
  getUserConversationsV2,
  type InboundFrame,
  metadataRequest,
  type OutboundFrame,
  serialize,
} from '../protocol';
import type { SafeStorage } from '../storage';
import { createConversationDates } from './conversation-dates';
import type { ChatState } from './state';

export const PAGE_LIMIT = 10;
export const METADATA_TIMEOUT_MS = 10_000;

export interface HistoryDeps {
  state: ChatState;
  storage: SafeStorage;
  now: () => number;
  send(frame: OutboundFrame): 'sent' | 'not_ready' | 'too_large';
  /** The visitor's user id, if any: without one there is nothing to list or delete by user. */
  userId(): string | undefined;
  /** Shows another conversation: the store clears the log and requests its transcript. */
  openConversation(id: string): void;
  newConversation(): void;
  timeoutMs?: number;
}

type Metadata = Record<string, unknown>;
interface Waiter {
  id: string;
  resolve(value: Metadata): void;
  timer: ReturnType<typeof setTimeout>;
}

export function createHistory(deps: HistoryDeps) {
  const { state } = deps;
  const items = signal<ConversationSummary[]>([]);
  const loading = signal(false);
  const hasMore = signal(false);
  const dates = createConversationDates(deps.storage);
  let page = 1;
  let deletingAll = false;
  let opening: string | undefined;
  let waiting: OutboundFrame[] = [];
  let stopWaiting: (() => void) | undefined;
  let waiters: Waiter[] = [];

  // Every conversation id that appears other than by opening one from the list is a new conversation:
  // note when it started. The first call reports the id restored at load, which is not new.
  let initial = true;
  state.conversationId.subscribe((id) => {
    if (id && !initial && id !== opening) dates.note(id, deps.now());
    initial = false;
  });

  function sendSoon(frame: OutboundFrame): void {
    if (deps.send(frame) !== 'not_ready') return;
    const text = serialize(frame);
    if (!waiting.some((f) => serialize(f) === text)) waiting.push(frame);
    stopWaiting ??= state.connection.subscribe((status) => {
      // After the store's own work on `connected` (its outbox flush), so a queued `setMetadata` goes first.
      if (status.state === 'connected') queueMicrotask(flushWaiting);
    });
  }

  function flushWaiting(): void {
    while (waiting[0] && deps.send(waiting[0]) !== 'not_ready') waiting = waiting.slice(1);
    if (waiting.length || !stopWaiting) return;
    stopWaiting();
    stopWaiting = undefined;
  }

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
    if (deletingAll && (frame.userId !== undefined || frame.conversationId === undefined)) {
      deletingAll = false;
      items.value = [];
      hasMore.value = false;
      dates.clear();
      deps.newConversation();
    } else if (frame.conversationId) {
      const id = frame.conversationId;
      items.value = items.value.filter((c) => c.conversationId !== id);
      dates.forget(id);
    }
  }

  function onMetadata(frame: Extract<InboundFrame, { type: 'conversation_metadata' }>): void {
    const answered = waiters.filter((w) => !frame.conversationId || w.id === frame.conversationId);
    waiters = waiters.filter((w) => !answered.includes(w));
    for (const w of answered) {
      clearTimeout(w.timer);
      w.resolve({ ...frame.metadata });
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
      sendSoon(deleteConversation(id));
      if (id === state.conversationId.value) deps.newConversation();
      return true;
    },
    /** Soft-deletes all of the visitor's conversations; the answer clears the list and starts afresh. */
    deleteAll(): boolean {
      const userId = deps.userId();
      if (!userId) return false;
      deletingAll = true;
      sendSoon(deleteUserConversations(userId, true));
      return true;
    },
    /** The hub's metadata of the current conversation (`{}` when there is none). */
    getMetadata(): Promise<Metadata> {
      const id = state.conversationId.value;
      if (!id) return Promise.resolve({});
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w.timer !== timer);
          reject(new Error('getMetadata: the hub did not answer in time'));
        }, deps.timeoutMs ?? METADATA_TIMEOUT_MS);
        waiters.push({ id, resolve, timer });
        sendSoon(metadataRequest(id));
      });
    },
    /** Takes the hub's answers to history requests; returns whether the frame was one. */
    handle(frame: InboundFrame): boolean {
      if (frame.type === 'user_conversations') onList(frame);
      else if (frame.type === 'delete_conversation_success') onDeleted(frame);
      else if (frame.type === 'conversation_metadata') onMetadata(frame);
      else return false;
      return true;
    },
  };
}

export type HistoryModel = ReturnType<typeof createHistory>;
