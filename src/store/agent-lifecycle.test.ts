import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createI18n, en } from '../i18n';
import { createSafeStorage } from '../storage';
import { FakeStorage, fakeWindow } from '../storage/test-fakes';
import { createAgentLifecycle } from './agent-lifecycle';
import type { HostEventName } from './events';
import { createState } from './state';

const WAIT_MS = 60_000;

function setup(storage = createSafeStorage('none')) {
  const state = createState(true);
  state.conversationId.value = 'c1';
  const events: Array<{ name: HostEventName; detail: unknown }> = [];
  const notices: string[] = [];
  const agent = createAgentLifecycle({
    state,
    storage,
    emit: (name, detail) => events.push({ name, detail }),
    t: createI18n(en).t,
    notice: (text) => notices.push(text),
    waitMs: WAIT_MS,
    now: Date.now,
  });
  return { state, agent, events, notices, agentEvents: () => events.filter((e) => e.name === 'agent') };
}

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('agent lifecycle', () => {
  it('reports waiting, joined and left to the host with the conversation id', () => {
    const s = setup();
    s.agent.waiting();
    s.agent.joined({ name: 'Dana', avatar: 'https://a/d.png', raw: {} });
    s.agent.left();
    expect(s.agentEvents().map((e) => e.detail)).toEqual([
      { phase: 'waiting', conversationId: 'c1' },
      { phase: 'joined', name: 'Dana', conversationId: 'c1' },
      { phase: 'left', name: 'Dana', conversationId: 'c1' },
    ]);
    expect(s.notices).toEqual(['Dana joined the chat', 'Dana left the chat']);
    expect(s.state.agent.value).toEqual({ phase: 'none' });
  });

  it('stops waiting after the configured time: a notice, the button back, a failed event', () => {
    const s = setup();
    s.agent.waiting();
    vi.advanceTimersByTime(WAIT_MS - 1);
    expect(s.state.agent.value.phase).toBe('waiting');
    vi.advanceTimersByTime(1);
    expect(s.state.agent.value).toEqual({ phase: 'none' });
    expect(s.notices).toHaveLength(1);
    expect(s.agentEvents().at(-1)?.detail).toEqual({ phase: 'failed', conversationId: 'c1' });
  });

  it('an agent who joins in time cancels the wait', () => {
    const s = setup();
    s.agent.waiting();
    s.agent.joined(undefined);
    vi.advanceTimersByTime(WAIT_MS * 2);
    expect(s.state.agent.value).toEqual({ phase: 'joined', name: 'An agent' });
    expect(s.agentEvents().map((e) => (e.detail as { phase: string }).phase)).toEqual(['waiting', 'joined']);
  });

  it('survives a reload: the agent and its name, and a wait keeps its deadline', () => {
    const backing = new FakeStorage();
    const storage = () => createSafeStorage('local', { win: fakeWindow(backing, undefined) });
    const first = setup(storage());
    first.agent.joined({ name: 'Dana', raw: {} });
    const reloaded = setup(storage());
    reloaded.agent.restore();
    expect(reloaded.state.agent.value).toEqual({ phase: 'joined', name: 'Dana' });

    reloaded.agent.left();
    reloaded.agent.waiting();
    vi.advanceTimersByTime(WAIT_MS / 2);
    const again = setup(storage());
    again.agent.restore();
    expect(again.state.agent.value.phase).toBe('waiting');
    vi.advanceTimersByTime(WAIT_MS / 2);
    expect(again.state.agent.value.phase).toBe('none');
  });

  it('restores nothing for another conversation, and reset leaves no trace', () => {
    const backing = new FakeStorage();
    const storage = () => createSafeStorage('local', { win: fakeWindow(backing, undefined) });
    const first = setup(storage());
    first.agent.joined({ name: 'Dana', raw: {} });
    const other = setup(storage());
    other.state.conversationId.value = 'c2';
    other.agent.restore();
    expect(other.state.agent.value).toEqual({ phase: 'none' });
    first.agent.reset();
    expect(first.state.agent.value).toEqual({ phase: 'none' });
  });

  it('a restored transcript in which an agent wrote confirms that the wait ended', () => {
    const s = setup();
    s.agent.waiting();
    s.agent.confirm([
      { sender: 'bot', parts: [], actions: [] },
      { sender: 'agent', parts: [{ kind: 'text', text: 'hi' }], actions: [], name: 'Eli' },
    ]);
    expect(s.state.agent.value).toEqual({ phase: 'joined', name: 'Eli' });
    vi.advanceTimersByTime(WAIT_MS);
    expect(s.state.agent.value.phase).toBe('joined');
  });
});
