/** What the frame handler lets through: frames of other conversations never reach the screen or the host. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createI18n, en } from '../i18n';
import type { InboundFrame } from '../protocol';
import { createSafeStorage } from '../storage';
import { createAgentLifecycle } from './agent-lifecycle';
import type { HostEventName } from './events';
import { createFrameHandler } from './frame-handler';
import type { ChatMessage } from './messages';
import { DEFAULTS } from './options';
import { createState } from './state';

function setup() {
  const state = createState(true);
  state.conversationId.value = 'current';
  const events: Array<{ name: HostEventName; detail: unknown }> = [];
  const shown: ChatMessage[] = [];
  const notices: Array<{ text: string; tone: string | undefined }> = [];
  const emit = (name: HostEventName, detail: unknown) => void events.push({ name, detail });
  const t = createI18n(en).t;
  const notice = (text: string, tone?: 'info' | 'error') => void notices.push({ text, tone });
  let now = 0;
  const handle = createFrameHandler({
    state,
    options: { ...DEFAULTS, apiKey: 'k' },
    t,
    emit,
    now: () => now,
    addMessage: (m) => void shown.push(m),
    notice,
    send: () => 'sent',
    agent: createAgentLifecycle({
      state,
      storage: createSafeStorage('none'),
      emit,
      t,
      notice,
      waitMs: 1000,
      now: () => now,
    }),
    onConversationStarted: () => {},
    onConversationLost: () => {},
    onTranscript: () => {},
  });
  return {
    state,
    events,
    shown,
    notices,
    handle: (frame: InboundFrame) => handle(frame),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const text = (t: string) => [{ kind: 'text' as const, text: t }];

beforeEach(() => vi.spyOn(console, 'warn').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

describe('frame handler: isolation', () => {
  it('drops bot, agent, update and error frames that name another conversation', () => {
    const s = setup();
    s.handle({ type: 'bot_message', conversationId: 'old', parts: text('for old') });
    s.handle({ type: 'livechat_message', conversationId: 'old', parts: text('agent, old') });
    s.handle({
      type: 'agent_update',
      status: 'connected',
      conversationId: 'old',
      agent: { name: 'X', raw: {} },
    });
    s.handle({ type: 'conversation_update', updateType: 'queued', conversationId: 'old', data: {} });
    s.handle({ type: 'general_error', code: 500, conversationId: 'old' });
    s.handle({ type: 'conversation_metadata', conversationId: 'old', metadata: {} });
    expect(s.shown).toEqual([]);
    expect(s.notices).toEqual([]);
    expect(s.events).toEqual([]);
    expect(s.state.agent.value).toEqual({ phase: 'none' });
  });

  it('keeps frames that name the current conversation or none', async () => {
    const s = setup();
    s.handle({ type: 'bot_message', parts: text('no id') });
    s.handle({ type: 'livechat_message', conversationId: 'current', parts: text('mine') });
    s.handle({ type: 'livechat_message', conversationId: '', parts: text('blank id') });
    await vi.waitFor(() => expect(s.shown).toHaveLength(3));
  });

  it('drops everything naming a conversation while none is current (a new one is starting)', () => {
    const s = setup();
    s.state.conversationId.value = undefined;
    s.handle({ type: 'bot_message', conversationId: 'old', parts: text('late') });
    expect(s.shown).toEqual([]);
  });
});

describe('frame handler: gateway frames and unknown updates', () => {
  it('tells the visitor once a minute per kind, and the host every time, with a stable code', () => {
    const s = setup();
    const forbidden = { type: 'gateway_error', code: 'gateway_forbidden', message: 'Forbidden' } as const;
    s.handle(forbidden);
    s.handle(forbidden);
    s.handle({ type: 'gateway_error', code: 'gateway_server_error', message: 'Internal server error' });
    expect(s.notices.map((n) => n.tone)).toEqual(['error', 'error']);
    expect(s.notices[0]?.text).toMatch(/refused/);
    s.advance(60_000);
    s.handle(forbidden);
    expect(s.notices).toHaveLength(3);
    expect(s.events.map((e) => e.detail)).toEqual([
      { code: 'gateway_forbidden', message: 'Forbidden' },
      { code: 'gateway_forbidden', message: 'Forbidden' },
      { code: 'gateway_server_error', message: 'Internal server error' },
      { code: 'gateway_forbidden', message: 'Forbidden' },
    ]);
  });

  it('passes conversation_update types it does not know to the host', () => {
    const s = setup();
    s.handle({ type: 'conversation_update', updateType: 'livechatQueuePosition', data: { position: 2 } });
    expect(s.events).toEqual([
      {
        name: 'update',
        detail: { type: 'livechatQueuePosition', data: { position: 2 }, conversationId: 'current' },
      },
    ]);
  });

  it('an agent update for the current conversation reaches the header and the host', () => {
    const s = setup();
    s.handle({
      type: 'agent_update',
      status: 'connected',
      conversationId: 'current',
      agent: { name: 'Dana', raw: {} },
    });
    expect(s.state.agent.value).toEqual({ phase: 'joined', name: 'Dana' });
    expect(s.events).toEqual([
      { name: 'agent', detail: { phase: 'joined', name: 'Dana', conversationId: 'current' } },
    ]);
  });
});
