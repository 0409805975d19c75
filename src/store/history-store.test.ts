/** History wired into the chat store: the user id on `conversation_start`, frames routed, switching. */
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import type { InboundFrame } from '../protocol';
import { createHubSession } from '../session';
import { fakeConnection } from '../session/test-connection';
import { createSafeStorage, type SafeStorage } from '../storage';
import { FakeStorage, fakeWindow } from '../storage/test-fakes';
import { createChatStore } from './chat-store';
import { createMessage } from './messages';
import { type ChatOptions, DEFAULTS } from './options';

function setup(overrides: Partial<ChatOptions> = {}, storage: SafeStorage = createSafeStorage('none')) {
  const hub = fakeConnection(true);
  const options = { ...DEFAULTS, apiKey: 'k', start: 'user-first' as const, ...overrides };
  const store = createChatStore({
    options,
    storage,
    session: createHubSession({ options, storage, connect: hub.connect }),
    uploader: async () => ({ filename: 'f', type: 'text/plain', url: 'https://x/f' }),
    t: createI18n().t,
    emit: () => {},
  });
  store.connect();
  hub.options.onReady('sock');
  return {
    store,
    sent: hub.sent,
    last: (type: string) => hub.sent.filter((f) => f.event.event_type === type).at(-1)?.event.event_payload,
    receive: (frame: InboundFrame) => hub.receive(frame),
  };
}

describe('chat store: deletes take the messages not yet delivered into what they delete', () => {
  /** A conversation 'now' whose one message is in flight (no transcript has confirmed it), stored. */
  function unsent() {
    const storage = createSafeStorage('local', { win: fakeWindow(new FakeStorage(), new FakeStorage()) });
    const s = setup({}, storage);
    s.store.sendText('not confirmed yet');
    s.receive({ type: 'conversation_start_success', conversationId: 'now' });
    expect(storage.keys()).toContain('outbox');
    /** The next page load: what it shows and what it sends. */
    const reload = () => {
      const next = setup({}, storage);
      return {
        shown: next.store.state.messages.value.filter((m) => m.sender === 'user').length,
        sent: next.sent.filter((f) => f.event.event_type === 'user_message').length,
      };
    };
    return { s, storage, reload };
  }

  it('deleting another conversation leaves them', () => {
    const { s, reload } = unsent();
    s.store.history.deleteConversation('older');
    expect(reload().shown).toBe(1);
  });

  for (const [what, remove] of [
    ['the current conversation', (s: ReturnType<typeof setup>) => s.store.history.deleteConversation()],
    ['all conversations', (s: ReturnType<typeof setup>) => s.store.history.deleteAll()],
  ] as const)
    it(`deleting ${what} drops them: nothing is stored, restored or sent`, () => {
      const { s, storage, reload } = unsent();
      expect(remove(s)).toBe(true);
      expect(storage.keys()).not.toContain('outbox');
      expect(reload()).toEqual({ shown: 0, sent: 0 });
    });
});

describe('chat store with history', () => {
  it('sends an anonymous user id with conversation_start and lists by it', () => {
    const s = setup();
    s.store.sendText('hi');
    const userId = s.last('conversation_start')?.userId;
    expect(userId).toMatch(/^anon-/);
    s.store.history.refresh();
    expect(s.last('get_user_conversations_v2')).toMatchObject({ userId });
  });

  it('uses the host’s id once identify() gave one', () => {
    const s = setup({ user: { userId: 'cfg-user' } });
    s.store.identify({ userId: 'api-user' });
    s.store.sendText('hi');
    expect(s.last('conversation_start')).toMatchObject({ userId: 'api-user' });
  });

  it('routes history answers from the socket to the history model', () => {
    const s = setup();
    s.receive({ type: 'user_conversations', conversations: [{ conversationId: 'c1', metadata: {} }] });
    expect(s.store.history.items.value.map((c) => c.conversationId)).toEqual(['c1']);
  });

  it('opening a conversation clears the log, switches, and asks for its transcript', () => {
    const s = setup();
    s.receive({ type: 'conversation_start_success', conversationId: 'now' });
    s.store.state.messages.value = [
      createMessage({ id: 'm', sender: 'bot', parts: [{ kind: 'text', text: 'x' }], at: 1, history: false }),
    ];
    s.store.history.open('older');
    expect(s.store.state.conversationId.value).toBe('older');
    expect(s.store.state.messages.value).toEqual([]);
    expect(s.last('conversation_transcript_request')).toEqual({ conversation_id: 'older' });
    s.receive({
      type: 'conversation_transcript',
      conversationId: 'older',
      entries: [{ sender: 'user', parts: [{ kind: 'text', text: 'from before' }], actions: [] }],
    });
    expect(s.store.state.messages.value.map((m) => [m.sender, m.history])).toEqual([['user', true]]);
  });

  it('deleting the current conversation starts a new one', () => {
    const s = setup();
    s.receive({ type: 'conversation_start_success', conversationId: 'now' });
    s.store.history.deleteConversation();
    expect(s.last('delete_conversation')).toEqual({ conversation_id: 'now', softdelete: true });
    expect(s.store.state.conversationId.value).toBeUndefined();
    expect(s.sent.map((f) => f.event.event_type).slice(-2)).toEqual([
      'delete_conversation',
      'conversation_start',
    ]);
  });
});
