import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConversationSummary, InboundFrame, OutboundFrame } from '../protocol';
import { createSafeStorage } from '../storage';
import { createHistory, type HistoryDeps, PAGE_LIMIT } from './history';
import { METADATA_TIMEOUT_MS } from './metadata-requests';
import { createState } from './state';

function setup(over: Partial<HistoryDeps> = {}) {
  const state = over.state ?? createState(true);
  const sent: OutboundFrame[] = [];
  let ready = true;
  /** Each outbox forget: the conversation named, and the one current when it was asked. */
  const calls = { opened: [] as string[], fresh: 0, forgot: [] as Array<[string?, string?]> };
  let userId: string | undefined = 'u-1';
  let clock = 1_000;
  const history = createHistory({
    state,
    storage: createSafeStorage('none'),
    now: () => clock,
    send(frame) {
      if (!ready) return 'not_ready';
      sent.push(frame);
      return 'sent';
    },
    userId: () => userId,
    openConversation(id) {
      calls.opened.push(id);
      state.conversationId.value = id;
    },
    newConversation() {
      calls.fresh += 1;
      state.conversationId.value = undefined;
    },
    forget(id) {
      calls.forgot.push([id, state.conversationId.value]);
    },
    ...over,
  });
  return {
    state,
    history,
    sent,
    calls,
    payloads: () => sent.map((f) => ({ type: f.event.event_type, ...f.event.event_payload })),
    setReady(value: boolean) {
      ready = value;
      state.connection.value = { state: value ? 'connected' : 'reconnecting', retryInMs: 1000 };
    },
    setUser(id: string | undefined) {
      userId = id;
    },
    tick(ms: number) {
      clock += ms;
    },
  };
}

const summaries = (...ids: string[]): ConversationSummary[] =>
  ids.map((conversationId) => ({ conversationId, metadata: {} }));
const page = (n: number, ids: string[], hasNextPage: boolean): InboundFrame => ({
  type: 'user_conversations',
  conversations: summaries(...ids),
  pagination: { page: n, pageSize: PAGE_LIMIT, hasNextPage, hasPrevPage: n > 1, total: 99, totalPages: 9 },
});

afterEach(() => vi.useRealTimers());

describe('history: listing', () => {
  it('asks for the user’s first page, then appends the next pages without duplicates', () => {
    const s = setup();
    s.history.refresh();
    expect(s.history.loading.value).toBe(true);
    expect(s.payloads()).toEqual([
      { type: 'get_user_conversations_v2', userId: 'u-1', pagination: { page: '1', limit: '10' } },
    ]);
    expect(s.history.handle(page(1, ['a', 'b'], true))).toBe(true);
    expect(s.history.items.value.map((c) => c.conversationId)).toEqual(['a', 'b']);
    expect(s.history.hasMore.value).toBe(true);
    expect(s.history.loading.value).toBe(false);

    s.history.loadMore();
    expect(s.payloads().at(-1)).toMatchObject({ pagination: { page: '2', limit: '10' } });
    s.history.handle(page(2, ['b', 'c'], false));
    expect(s.history.items.value.map((c) => c.conversationId)).toEqual(['a', 'b', 'c']);
    expect(s.history.hasMore.value).toBe(false);

    // Opening the view again starts from page 1.
    s.history.refresh();
    s.history.handle(page(1, ['z'], false));
    expect(s.history.items.value.map((c) => c.conversationId)).toEqual(['z']);
  });

  it('treats an answer without pagination as the whole list', () => {
    const s = setup();
    s.history.refresh();
    s.history.handle({ type: 'user_conversations', conversations: summaries('x', 'y') });
    expect(s.history.items.value).toHaveLength(2);
    expect(s.history.hasMore.value).toBe(false);
  });

  it('without a user id lists nothing and asks nothing', () => {
    const s = setup();
    s.setUser(undefined);
    s.history.refresh();
    expect(s.sent).toEqual([]);
    expect(s.history.items.value).toEqual([]);
    expect(s.history.hasUser()).toBe(false);
    expect(s.history.deleteAll()).toBe(false);
  });

  it('waits for the socket instead of dropping a request, and sends it once', async () => {
    const s = setup();
    s.setReady(false);
    s.history.refresh();
    s.history.refresh();
    expect(s.sent).toEqual([]);
    s.setReady(true);
    await Promise.resolve();
    expect(s.payloads().map((p) => p.type)).toEqual(['get_user_conversations_v2']);
    s.setReady(false);
    s.setReady(true);
    await Promise.resolve();
    expect(s.sent).toHaveLength(1);
  });

  it('opens another conversation through the store, not the current one', () => {
    const s = setup();
    s.state.conversationId.value = 'cur';
    s.history.open('cur');
    s.history.open('old');
    expect(s.calls.opened).toEqual(['old']);
  });

  it('ignores frames that are not history answers', () => {
    const s = setup();
    expect(s.history.handle({ type: 'metadata_update_success' })).toBe(false);
  });
});

describe('history: start dates', () => {
  it('notes when a new conversation appears, not the restored or an opened one', () => {
    const state = createState(false);
    state.conversationId.value = 'restored';
    const s = setup({ state });
    s.state.conversationId.value = 'new-1';
    s.tick(500);
    s.history.open('old');
    expect(s.history.startedAt('restored')).toBeUndefined();
    expect(s.history.startedAt('new-1')).toBe(1_000);
    expect(s.history.startedAt('old')).toBeUndefined();
  });
});

describe('history: deleting', () => {
  it('deletes the current conversation and starts a new one at once', () => {
    const s = setup();
    s.state.conversationId.value = 'cur';
    expect(s.history.deleteConversation()).toBe(true);
    expect(s.payloads()).toEqual([{ type: 'delete_conversation', conversation_id: 'cur', softdelete: true }]);
    expect(s.calls.fresh).toBe(1);
  });

  it('deletes another one, dropping it from the list when the hub confirms', () => {
    const s = setup();
    s.state.conversationId.value = 'cur';
    s.history.handle(page(1, ['cur', 'old'], false));
    s.history.deleteConversation('old');
    expect(s.calls.fresh).toBe(0);
    expect(s.history.items.value).toHaveLength(2);
    s.history.handle({ type: 'delete_conversation_success', conversationId: 'old' });
    expect(s.history.items.value.map((c) => c.conversationId)).toEqual(['cur']);
    expect(s.history.deleteConversation(undefined)).toBe(true);
    s.state.conversationId.value = undefined;
    expect(s.history.deleteConversation()).toBe(false);
  });

  it('has the session forget the outbox of what it deletes, before switching away from the current one', () => {
    const s = setup();
    s.state.conversationId.value = 'cur';
    s.history.deleteConversation('old');
    s.history.deleteConversation();
    s.history.deleteAll();
    expect(s.calls.forgot).toEqual([
      ['old', 'cur'],
      ['cur', 'cur'],
      [undefined, undefined],
    ]);
  });

  it('deletes all over the socket in the manual’s form: delete_conversation with the user id, softly', () => {
    const s = setup();
    expect(s.history.deleteAll()).toBe(true);
    expect(s.payloads()).toEqual([{ type: 'delete_conversation', userId: 'u-1', softdelete: true }]);
  });

  it('reports a delete the hub does not confirm in time, and keeps the list', () => {
    vi.useFakeTimers();
    const timeouts: string[] = [];
    const s = setup({ onDeleteTimeout: (which) => timeouts.push(which) });
    s.state.conversationId.value = 'cur';
    s.history.handle(page(1, ['cur', 'old'], false));
    s.history.deleteConversation('old');
    s.history.deleteAll();
    vi.advanceTimersByTime(METADATA_TIMEOUT_MS - 1);
    expect(timeouts).toEqual([]);
    s.history.handle({ type: 'delete_conversation_success', conversationId: 'old' });
    vi.advanceTimersByTime(1);
    expect(timeouts).toEqual(['all']);
    expect(s.history.items.value.map((c) => c.conversationId)).toEqual(['cur']);
    // A late "all" answer after the timeout does not wipe the list behind the visitor's back.
    s.history.handle({ type: 'delete_conversation_success', userId: 'u-1' });
    expect(s.history.items.value.map((c) => c.conversationId)).toEqual(['cur']);
  });

  it('deletes all softly over HTTP; the answer clears the list and starts afresh', () => {
    const s = setup({ sendMode: () => 'http' });
    s.history.handle(page(1, ['a', 'b'], true));
    expect(s.history.deleteAll()).toBe(true);
    expect(s.payloads()).toEqual([{ type: 'delete_user_conversations', userId: 'u-1', softdelete: true }]);
    expect(s.calls.fresh).toBe(0);
    s.history.handle({ type: 'delete_conversation_success', userId: 'u-1' });
    expect(s.history.items.value).toEqual([]);
    expect(s.history.hasMore.value).toBe(false);
    expect(s.calls.fresh).toBe(1);
    // A later single delete answer is not mistaken for another "all".
    s.history.handle({ type: 'delete_conversation_success', conversationId: 'x' });
    expect(s.calls.fresh).toBe(1);
  });
});

describe('history: getMetadata', () => {
  it('resolves {} without a conversation, without asking the hub', async () => {
    const s = setup();
    await expect(s.history.getMetadata()).resolves.toEqual({});
    expect(s.sent).toEqual([]);
  });

  it('resolves with the hub’s metadata of the current conversation', async () => {
    const s = setup();
    s.state.conversationId.value = 'cur';
    const first = s.history.getMetadata();
    const second = s.history.getMetadata();
    expect(s.payloads()).toEqual([
      { type: 'metadata_request', conversation_id: 'cur' },
      { type: 'metadata_request', conversation_id: 'cur' },
    ]);
    s.history.handle({ type: 'conversation_metadata', conversationId: 'other', metadata: { no: 1 } });
    s.history.handle({ type: 'conversation_metadata', conversationId: 'cur', metadata: { plan: 'gold' } });
    await expect(first).resolves.toEqual({ plan: 'gold' });
    await expect(second).resolves.toEqual({ plan: 'gold' });
  });

  it('sends the request once connected, and rejects after the timeout without an answer', async () => {
    vi.useFakeTimers();
    const s = setup();
    s.state.conversationId.value = 'cur';
    s.setReady(false);
    const pending = s.history.getMetadata();
    const outcome = pending.then(
      () => 'resolved',
      (e: Error) => e.message,
    );
    s.setReady(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(s.payloads()).toEqual([{ type: 'metadata_request', conversation_id: 'cur' }]);
    await vi.advanceTimersByTimeAsync(METADATA_TIMEOUT_MS);
    await expect(outcome).resolves.toMatch(/did not answer/);
    // A late answer is harmless.
    expect(() =>
      s.history.handle({ type: 'conversation_metadata', conversationId: 'cur', metadata: {} }),
    ).not.toThrow();
  });
});
