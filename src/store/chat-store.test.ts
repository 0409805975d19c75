import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import type { InboundFrame, OutboundFrame } from '../protocol';
import { createSafeStorage } from '../storage';
import type { ConnectionOptions } from '../transport/connection';
import { createChatStore } from './chat-store';
import type { HostEventName } from './events';
import { type ChatOptions, DEFAULTS } from './options';

function setup(overrides: Partial<ChatOptions> = {}, storage = createSafeStorage('none')) {
  const sent: OutboundFrame[] = [];
  const events: Array<{ name: HostEventName; detail: unknown }> = [];
  let opts: ConnectionOptions | undefined;
  let ready = false;
  const store = createChatStore({
    options: { ...DEFAULTS, apiKey: 'k', ...overrides },
    storage,
    uploader: async () => ({ filename: 'f', type: 'text/plain', url: 'https://x/f' }),
    t: createI18n('en').t,
    emit: (name, detail) => events.push({ name, detail }),
    now: () => 1000,
    connect: (o) => {
      opts = o;
      return {
        send(frame) {
          if (!ready) return 'not_ready';
          sent.push(frame);
          return 'sent';
        },
        get status() {
          return { state: ready ? ('connected' as const) : ('connecting' as const) };
        },
        get ready() {
          return ready;
        },
        retry() {},
        close() {},
      };
    },
  });
  store.connect();
  return {
    store,
    sent,
    events,
    types: () => sent.map((f) => f.event.event_type),
    becomeReady() {
      ready = true;
      opts!.onReady('sock');
    },
    receive(frame: InboundFrame) {
      opts!.onFrame(frame);
    },
  };
}

describe('chat store session flow', () => {
  it('bot-first: opening starts one conversation, then sends the empty greeting request once', () => {
    const s = setup();
    s.becomeReady();
    expect(s.types()).toEqual([]);
    s.store.setOpen(true);
    s.store.setOpen(false);
    s.store.setOpen(true);
    expect(s.types()).toEqual(['conversation_start']);
    s.receive({ type: 'conversation_start_success', conversationId: 'c1' });
    expect(s.types()).toEqual(['conversation_start', 'user_message']);
    expect(s.sent[1]!.event.event_payload).toMatchObject({
      conversation_id: 'c1',
      content: { type: 'text', text: '' },
    });
    expect(s.store.state.messages.value).toEqual([]);
    expect(s.events.find((e) => e.name === 'conversation')?.detail).toEqual({
      conversationId: 'c1',
      isNew: true,
    });
  });

  it('user-first: a message typed before the socket is ready is sent once, after the conversation starts', () => {
    const s = setup({ start: 'user-first' });
    s.store.setOpen(true);
    expect(s.store.sendText('hello')).toBe(true);
    expect(s.store.state.messages.value[0]!.delivery!.value).toBe('sending');
    s.becomeReady();
    expect(s.types()).toEqual(['conversation_start']);
    s.receive({ type: 'conversation_start_success', conversationId: 'c1' });
    expect(s.types()).toEqual(['conversation_start', 'user_message']);
    expect(s.sent[1]!.event.event_payload).toMatchObject({ content: { type: 'text', text: 'hello' } });
    expect(s.store.state.messages.value[0]!.delivery!.value).toBe('sent');
  });

  it('refuses a message over the frame limit and keeps nothing queued', () => {
    const s = setup({ start: 'user-first' });
    expect(s.store.sendText('x'.repeat(40_000))).toBe(false);
    expect(s.store.state.composerError.value).toMatch(/too long/);
    expect(s.store.state.messages.value).toEqual([]);
    s.becomeReady();
    expect(s.types()).toEqual([]);
  });

  it('restores a stored conversation from its transcript without starting a new one', () => {
    const storage = createSafeStorage('none');
    storage.set('conversation', 'old');
    const s = setup({}, storage);
    expect(s.events.find((e) => e.name === 'conversation')?.detail).toEqual({
      conversationId: 'old',
      isNew: false,
    });
    s.becomeReady();
    s.store.setOpen(true);
    expect(s.types()).toEqual(['conversation_transcript_request']);
    s.receive({
      type: 'conversation_transcript',
      conversationId: 'old',
      entries: [
        { sender: 'user', parts: [{ kind: 'text', text: 'hi' }], actions: [] },
        { sender: 'bot', parts: [{ kind: 'text', text: 'hello' }], actions: [] },
      ],
    });
    expect(s.store.state.messages.value.map((m) => [m.sender, m.history])).toEqual([
      ['user', true],
      ['bot', true],
    ]);
    const messages = s.events
      .filter((e) => e.name === 'message')
      .map((e) => e.detail as { history: boolean });
    expect(messages.every((m) => m.history)).toBe(true);
  });

  it('an invalid conversation (400) is forgotten, a new one starts and the visitor is told', () => {
    const s = setup();
    s.becomeReady();
    s.store.setOpen(true);
    s.receive({ type: 'conversation_start_success', conversationId: 'c1' });
    s.receive({
      type: 'general_error',
      conversationId: 'c1',
      code: 400,
      description: 'Invalid conversation_id',
    });
    expect(s.types().filter((t) => t === 'conversation_start')).toHaveLength(2);
    expect(s.store.state.conversationId.value).toBeUndefined();
    expect(s.store.state.messages.value.at(-1)).toMatchObject({ sender: 'system', tone: 'error' });
    expect(s.events.find((e) => e.name === 'error')?.detail).toEqual({
      code: 400,
      message: 'Invalid conversation_id',
    });
  });

  it('counts unread bot messages while closed and clears them on open', () => {
    const s = setup();
    s.becomeReady();
    s.receive({ type: 'bot_message', parts: [{ kind: 'text', text: 'ping' }] });
    expect(s.store.state.unread.value).toBe(1);
    s.store.setOpen(true);
    expect(s.store.state.unread.value).toBe(0);
    expect(s.events.filter((e) => e.name === 'unread').map((e) => e.detail)).toEqual([
      { count: 1 },
      { count: 0 },
    ]);
  });

  it('a quick reply shows its label, sends its value and can be chosen once', () => {
    const s = setup();
    s.becomeReady();
    s.store.setOpen(true);
    s.receive({ type: 'conversation_start_success', conversationId: 'c1' });
    s.receive({
      type: 'bot_message',
      messageId: 'b1',
      parts: [{ kind: 'choices', options: [{ label: 'Yes please', value: 'yes' }] }],
    });
    s.store.chooseReply('b1', 'Yes please', 'yes');
    s.store.chooseReply('b1', 'Yes please', 'yes');
    const users = s.store.state.messages.value.filter((m) => m.sender === 'user');
    expect(users).toHaveLength(1);
    expect(users[0]!.parts).toEqual([{ kind: 'text', text: 'Yes please' }]);
    expect(s.sent.at(-1)!.event.event_payload).toMatchObject({ content: { text: 'yes' } });
  });

  it('agent updates move the handoff through waiting, joined and left with notices', () => {
    const s = setup();
    s.becomeReady();
    s.store.setOpen(true);
    s.receive({ type: 'conversation_start_success', conversationId: 'c1' });
    s.store.escalate();
    expect(s.store.state.agent.value.phase).toBe('waiting');
    expect(s.sent.at(-1)!.event).toMatchObject({
      event_type: 'action',
      event_payload: { id: 'escalateToHuman' },
    });
    s.receive({ type: 'agent_update', status: 'connected', agent: { name: 'Dana', raw: {} } });
    expect(s.store.state.agent.value).toMatchObject({ phase: 'joined', name: 'Dana' });
    s.receive({ type: 'livechat_message', parts: [{ kind: 'text', text: 'Hi' }] });
    expect(s.store.state.messages.value.at(-1)).toMatchObject({ sender: 'agent', senderName: 'Dana' });
    s.receive({ type: 'agent_update', status: 'disconnected' });
    expect(s.store.state.agent.value.phase).toBe('none');
    const notices = s.store.state.messages.value.filter((m) => m.sender === 'system').map((m) => m.parts[0]);
    expect(notices).toEqual([
      { kind: 'text', text: 'Dana joined the chat' },
      { kind: 'text', text: 'Dana left the chat' },
    ]);
  });

  it('reports every hub action to the host with a trimmed id', () => {
    const s = setup();
    s.receive({
      type: 'action',
      actions: [{ id: 'redirectToContactUs', data: { url: 'u' }, type: 'normal' }],
    });
    expect(s.events.filter((e) => e.name === 'action').map((e) => e.detail)).toEqual([
      { id: 'redirectToContactUs', data: { url: 'u' }, type: 'normal' },
    ]);
  });
});
