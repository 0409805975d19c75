import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InboundFrame } from '../protocol';
import { TRANSCRIPT_TIMEOUT_MS } from '../session/outbox';
import { START_ATTEMPTS, START_TIMEOUT_MS } from '../session/start-watch';
import { createSafeStorage } from '../storage';
import { FakeStorage, fakeWindow } from '../storage/test-fakes';
import type { ChatOptions } from './options';
import { testStore } from './test-store';

function setup(overrides: Partial<ChatOptions> = {}, storage = createSafeStorage('none')) {
  const { store, hub, events, tabNote } = testStore({ options: overrides, storage });
  return {
    store,
    tabNote,
    sent: hub.sent,
    events,
    types: hub.types,
    becomeReady: () => hub.becomeReady(),
    drop: () => hub.drop(),
    receive: (frame: InboundFrame) => hub.receive(frame),
  };
}

describe('chat store: a hub that does not answer conversation_start', () => {
  afterEach(() => vi.useRealTimers());

  it('sends the start again after each timeout, then tells the visitor and the host', () => {
    vi.useFakeTimers();
    const s = setup({ start: 'user-first' });
    s.becomeReady();
    s.store.sendText('hello?');
    expect(s.types()).toEqual(['conversation_start']);
    vi.advanceTimersByTime(START_TIMEOUT_MS * START_ATTEMPTS);
    expect(s.types()).toEqual(Array(START_ATTEMPTS).fill('conversation_start'));
    expect(s.events.filter((e) => e.name === 'error').map((e) => e.detail)).toEqual([
      { code: 'start_timeout', message: 'The hub did not answer conversation_start' },
    ]);
    const notice = s.store.state.messages.value.find((m) => m.sender === 'system');
    expect(notice).toMatchObject({ tone: 'error' });
    // What the visitor wrote is still on screen, waiting.
    expect(s.store.state.messages.value.filter((m) => m.sender === 'user')).toHaveLength(1);
  });

  it('takes the first answer and ignores a second one for a start sent again', () => {
    vi.useFakeTimers();
    const s = setup({ start: 'user-first' });
    s.becomeReady();
    s.store.sendText('hello?');
    vi.advanceTimersByTime(START_TIMEOUT_MS);
    s.receive({ type: 'conversation_start_success', conversationId: 'slow' });
    s.receive({ type: 'conversation_start_success', conversationId: 'retried' });
    expect(s.store.state.conversationId.value).toBe('slow');
    expect(s.events.filter((e) => e.name === 'conversation')).toHaveLength(1);
  });
});

describe('chat store: a hub that never sends the transcript', () => {
  afterEach(() => vi.useRealTimers());

  it('restoring, asks with backoff, then says the screen shows what this device kept; sending goes on', () => {
    vi.useFakeTimers();
    const storage = createSafeStorage('none');
    storage.set('conversation', 'c-old');
    const s = setup({}, storage);
    s.becomeReady();
    s.store.setOpen(true);
    vi.advanceTimersByTime(60_000);
    expect(s.types().filter((t) => t === 'conversation_transcript_request').length).toBeGreaterThanOrEqual(3);
    expect(s.store.state.messages.value.map((m) => m.sender)).toEqual(['system']);
    expect(
      s.events.filter((e) => e.name === 'error').map((e) => (e.detail as { code: string }).code),
    ).toEqual(['transcript_unavailable']);
    s.store.sendText('still here');
    expect(s.types().at(-1)).toBe('user_message');
  });
});

describe('chat store: what the host hears of what was sent, and page context', () => {
  const sentEvents = (s: ReturnType<typeof setup>) =>
    s.events.filter((e) => e.name === 'sent').map((e) => e.detail);

  it('reports sent once per message (when a transcript confirms it), action and metadata update', () => {
    const s = setup({ start: 'user-first' });
    s.becomeReady();
    s.store.sendText('hello');
    s.receive({ type: 'conversation_start_success', conversationId: 'c1' });
    s.store.sendAction('escalateToHuman');
    s.store.setMetadata({ page: '/pricing' });
    const payloadId = (type: string) =>
      (s.sent.find((f) => f.event.event_type === type)!.event.event_payload as { client_msg_id?: string })
        .client_msg_id;
    // Over the socket an action or a metadata update is done once handed over; a message once a transcript shows it.
    expect(sentEvents(s).map((d) => (d as { kind: string }).kind)).toEqual(['action', 'metadata']);
    expect(sentEvents(s)[1]).toEqual({ kind: 'metadata', id: payloadId('metadata'), conversationId: 'c1' });
    s.drop();
    s.becomeReady();
    s.receive({
      type: 'conversation_transcript',
      conversationId: 'c1',
      entries: [{ sender: 'user', parts: [{ kind: 'text', text: 'hello' }], actions: [] }],
    });
    s.receive({
      type: 'conversation_transcript',
      conversationId: 'c1',
      entries: [{ sender: 'user', parts: [{ kind: 'text', text: 'hello' }], actions: [] }],
    });
    expect(sentEvents(s).filter((d) => (d as { kind: string }).kind === 'message')).toEqual([
      { kind: 'message', id: payloadId('user_message'), conversationId: 'c1' },
    ]);
  });

  it('a resumed conversation hears the page’s metadata once per page view; a new one gets it at start', () => {
    const storage = createSafeStorage('none');
    storage.set('conversation', 'c-old');
    const resumed = setup({ metadata: { page: '/pricing' } }, storage);
    resumed.becomeReady();
    const metadataFrames = resumed.sent.filter((f) => f.event.event_type === 'metadata');
    expect(metadataFrames.map((f) => f.event.event_payload)).toEqual([
      expect.objectContaining({ conversation_id: 'c-old', metadata: { page: '/pricing' } }),
    ]);
    const fresh = setup({ metadata: { page: '/home' }, start: 'user-first' });
    fresh.becomeReady();
    fresh.store.sendText('hi');
    expect(fresh.types()).toEqual(['conversation_start']);
    expect(fresh.sent[0]!.event.event_payload).toMatchObject({ metadata: { page: '/home' } });
  });
});

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
    // Sent, but delivered only once a transcript shows it.
    expect(s.store.state.messages.value[0]!.delivery!.value).toBe('sending');
    s.receive({
      type: 'conversation_transcript',
      conversationId: 'c1',
      entries: [{ sender: 'user', parts: [{ kind: 'text', text: 'hello' }], actions: [] }],
    });
    expect(s.store.state.messages.value[0]!.delivery!.value).toBe('sent');
    expect(s.store.state.messages.value).toHaveLength(1);
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

  it('a 400 about another conversation (an old one being deleted) leaves the current one alone', () => {
    const s = setup();
    s.becomeReady();
    s.store.setOpen(true);
    s.receive({ type: 'conversation_start_success', conversationId: 'c1' });
    s.receive({
      type: 'general_error',
      conversationId: 'old',
      code: 400,
      description: 'Invalid conversation_id',
    });
    expect(s.store.state.conversationId.value).toBe('c1');
    expect(s.types().filter((t) => t === 'conversation_start')).toHaveLength(1);
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

describe('delivery across drops and reloads', () => {
  afterEach(() => vi.useRealTimers());
  const text = (t: string) => ({
    sender: 'user' as const,
    parts: [{ kind: 'text' as const, text: t }],
    actions: [],
  });
  const userTexts = (s: ReturnType<typeof setup>) =>
    s.sent
      .filter((f) => f.event.event_type === 'user_message')
      .map((f) => (f.event.event_payload as { content: { text: string } }).content.text);

  function started(overrides: Partial<ChatOptions> = {}, storage = createSafeStorage('none')) {
    const s = setup({ start: 'user-first', ...overrides }, storage);
    s.becomeReady();
    s.store.sendText('first');
    s.receive({ type: 'conversation_start_success', conversationId: 'c1' });
    return s;
  }

  it('after a drop nothing new is sent until the transcript says what arrived; the lost message is resent once', () => {
    const s = started();
    s.store.sendText('second');
    expect(userTexts(s)).toEqual(['first', 'second']);
    s.drop();
    s.store.sendText('third');
    s.becomeReady();
    // Only the transcript request: 'third' waits behind the messages whose fate is unknown.
    expect(s.types().slice(-1)).toEqual(['conversation_transcript_request']);
    s.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: [text('first')] });
    expect(userTexts(s)).toEqual(['first', 'second', 'second', 'third']);
    const ids = s.sent
      .filter((f) => f.event.event_type === 'user_message')
      .map((f) => (f.event.event_payload as { client_msg_id: string }).client_msg_id);
    expect(ids[1]).toBe(ids[2]);
    const states = s.store.state.messages.value.map((m) => [m.parts[0], m.delivery?.value]);
    expect(states).toEqual([
      [{ kind: 'text', text: 'first' }, 'sent'],
      [{ kind: 'text', text: 'second' }, 'sending'],
      [{ kind: 'text', text: 'third' }, 'sending'],
    ]);
  });

  it('a message the hub did get before the drop is not sent again', () => {
    const s = started();
    s.drop();
    s.becomeReady();
    s.receive({
      type: 'conversation_transcript',
      conversationId: 'c1',
      entries: [
        text('first'),
        { sender: 'bot', parts: [{ kind: 'text', text: 'reply made while away' }], actions: [] },
      ],
    });
    expect(userTexts(s)).toEqual(['first']);
    expect(s.store.state.messages.value.map((m) => m.sender)).toEqual(['user', 'bot']);
    const botEvents = s.events.filter(
      (e) => e.name === 'message' && (e.detail as { sender: string }).sender === 'bot',
    );
    expect(botEvents).toHaveLength(1);
  });

  it('the outbox survives a reload and is settled against the transcript', () => {
    const win = fakeWindow(new FakeStorage(), new FakeStorage());
    const storage = () => createSafeStorage('local', { win });
    const first = started({}, storage());
    first.store.sendText('typed before reload');
    first.drop();
    // Reload: a new store on the same storage.
    const second = setup({ start: 'user-first' }, storage());
    expect(second.store.state.conversationId.value).toBe('c1');
    expect(second.store.state.messages.value.map((m) => m.delivery?.value)).toEqual(['sending', 'sending']);
    second.becomeReady();
    expect(second.types()).toEqual(['conversation_transcript_request']);
    second.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: [text('first')] });
    expect(userTexts(second)).toEqual(['typed before reload']);
    expect(second.store.state.messages.value.map((m) => [m.history, m.delivery?.value])).toEqual([
      [false, 'sent'],
      [false, 'sending'],
    ]);
  });

  /** 'first' on its way, `queued` typed while the socket was down, then the hub forgets c1 (400) and starts c2. */
  function lostWith(...queued: string[]) {
    const s = started();
    s.drop();
    for (const text of queued) s.store.sendText(text);
    s.becomeReady();
    s.receive({
      type: 'general_error',
      conversationId: 'c1',
      code: 400,
      description: 'Invalid conversation_id',
    });
    s.receive({ type: 'conversation_start_success', conversationId: 'c2' });
    return s;
  }

  it('a 400 offers queued messages again instead of sending them into the new conversation', () => {
    const s = lostWith('queued for the old one');
    expect(userTexts(s)).toEqual(['first']);
    // Both the unconfirmed 'first' and the queued message belonged to the lost conversation.
    const failed = s.store.state.messages.value.filter((m) => m.delivery?.value === 'failed');
    expect(failed.map((m) => m.parts[0])).toEqual([
      { kind: 'text', text: 'first' },
      { kind: 'text', text: 'queued for the old one' },
    ]);
    s.store.retryMessage(failed[1]!.id);
    expect(userTexts(s)).toEqual(['first', 'queued for the old one']);
    expect(s.sent.at(-1)!.event.event_payload).toMatchObject({ conversation_id: 'c2' });
  });

  it('"Retry all" sends every failed message again, in the order typed, and the count follows', () => {
    vi.useFakeTimers();
    const s = lostWith('queued one', 'queued two');
    const texts = () => s.store.unsent.value.map((m) => (m.parts[0] as { text: string }).text);
    expect(texts()).toEqual(['first', 'queued one', 'queued two']);
    s.store.retryUnsent();
    expect(texts()).toEqual([]);
    // 'first' was on its way when the conversation was lost: the transcript says whether it arrived.
    vi.advanceTimersByTime(TRANSCRIPT_TIMEOUT_MS * 2);
    expect(s.types().at(-1)).toBe('conversation_transcript_request');
    s.receive({ type: 'conversation_transcript', conversationId: 'c2', entries: [] });
    expect(userTexts(s).slice(-3)).toEqual(['first', 'queued one', 'queued two']);
  });

  it('destroy() leaves nothing to resend or show: the next page load restores and sends none of it', () => {
    const win = fakeWindow(new FakeStorage(), new FakeStorage());
    const storage = () => createSafeStorage('local', { win });
    const first = started({}, storage());
    first.drop();
    first.store.sendText('queued when the host destroyed the widget');
    first.store.destroy();
    expect(storage().keys()).not.toContain('outbox');
    const second = setup({ start: 'user-first' }, storage());
    expect(second.store.state.messages.value).toEqual([]);
    second.becomeReady();
    second.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: [] });
    expect(userTexts(second)).toEqual([]);
  });

  it('destroy(true) (an element left the page) keeps what was queued: the next widget sends it', () => {
    const win = fakeWindow(new FakeStorage(), new FakeStorage());
    const storage = () => createSafeStorage('local', { win });
    const first = started({}, storage());
    first.drop();
    first.store.sendText('queued when the element was removed');
    first.store.destroy(true);
    expect(storage().keys()).toContain('outbox');
    const second = setup({ start: 'user-first' }, storage());
    second.becomeReady();
    second.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: [] });
    expect(userTexts(second)).toContain('queued when the element was removed');
  });

  it('the same hub message delivered twice is shown once', () => {
    const s = started();
    const frame = {
      type: 'bot_message' as const,
      messageId: 'm-1',
      parts: [{ kind: 'text' as const, text: 'once' }],
    };
    s.receive(frame);
    s.receive(frame);
    expect(s.store.state.messages.value.filter((m) => m.sender === 'bot')).toHaveLength(1);
  });
});

describe('reset(): a logout', () => {
  afterEach(() => vi.useRealTimers());

  it('heard from another tab, drops the tail this tab stored after that tab cleared storage', () => {
    vi.useFakeTimers();
    const storage = createSafeStorage('local', { win: fakeWindow(new FakeStorage(), new FakeStorage()) });
    const s = setup({ start: 'user-first' }, storage);
    s.becomeReady();
    s.store.sendText('hello');
    s.receive({ type: 'conversation_start_success', conversationId: 'c-a' });
    s.receive({
      type: 'bot_message',
      conversationId: 'c-a',
      messageId: 'b1',
      parts: [{ kind: 'text', text: 'hi' }],
    });
    // The other tab logs out and clears storage; this tab's tail is written before it hears of it.
    for (const key of storage.keys()) storage.remove(key);
    vi.advanceTimersByTime(1000);
    const tail = storage.get(
      'tail',
      (v): v is { conversationId: string } => typeof v === 'object' && v !== null,
    );
    expect(tail?.conversationId).toBe('c-a');

    s.tabNote({ t: 'reset' });
    expect(s.store.state.conversationId.value).toBeUndefined();
    expect(storage.keys()).not.toContain('tail');
  });

  it('forgets the conversation, the anonymous id, the identity and what was queued; the next start is afresh', () => {
    const win = fakeWindow(new FakeStorage(), new FakeStorage());
    const storage = createSafeStorage('local', { win });
    const s = setup({ start: 'user-first' }, storage);
    s.becomeReady();
    s.store.identify({ userId: 'user-a', firstName: 'Ann', email: 'ann@example.com' });
    s.store.sendText('hello');
    s.receive({ type: 'conversation_start_success', conversationId: 'c-a' });
    s.drop(); // what is sent next waits in the outbox
    s.store.sendText('unsent');
    s.store.setOpen(false);
    s.receive({
      type: 'bot_message',
      conversationId: 'c-a',
      messageId: 'b1',
      parts: [{ kind: 'text', text: 'unread reply' }],
    });
    expect(storage.keys().length).toBeGreaterThan(0);

    s.store.reset();
    expect(s.store.state.messages.value).toEqual([]);
    expect(s.store.state.conversationId.value).toBeUndefined();
    expect(s.store.state.unread.value).toBe(0);
    expect(storage.keys()).toEqual([]);

    s.becomeReady();
    expect(s.types().filter((t) => t === 'user_message')).toHaveLength(1); // "unsent" never goes
    s.store.sendText('next visitor');
    const start = s.sent.filter((f) => f.event.event_type === 'conversation_start').at(-1)!;
    const payload = start.event.event_payload as { userId?: string; userBasicInfo?: unknown };
    expect(payload.userId).toMatch(/^anon-/);
    expect(payload.userBasicInfo).toBeUndefined();
  });
});
