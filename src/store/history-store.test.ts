/** History wired into the chat store: the user id on `conversation_start`, frames routed, switching. */
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import type { InboundFrame, OutboundFrame } from '../protocol';
import { createSafeStorage, type SafeStorage } from '../storage';
import type { ConnectionOptions } from '../transport/connection';
import { createChatStore } from './chat-store';
import { createMessage } from './messages';
import { type ChatOptions, DEFAULTS } from './options';

function setup(overrides: Partial<ChatOptions> = {}, storage: SafeStorage = createSafeStorage('none')) {
  const sent: OutboundFrame[] = [];
  let opts: ConnectionOptions | undefined;
  const store = createChatStore({
    options: { ...DEFAULTS, apiKey: 'k', start: 'user-first', ...overrides },
    storage,
    uploader: async () => ({ filename: 'f', type: 'text/plain', url: 'https://x/f' }),
    t: createI18n().t,
    emit: () => {},
    connect: (o) => {
      opts = o;
      return {
        send(frame) {
          sent.push(frame);
          return 'sent';
        },
        status: { state: 'connected' },
        ready: true,
        retry() {},
        close() {},
      };
    },
  });
  store.connect();
  opts!.onReady('sock');
  return {
    store,
    sent,
    last: (type: string) => sent.filter((f) => f.event.event_type === type).at(-1)?.event.event_payload,
    receive: (frame: InboundFrame) => opts!.onFrame(frame),
  };
}

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
