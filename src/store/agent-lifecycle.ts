/**
 * The live-agent hand-off as a small state machine: none → waiting ("talk to a human") → joined → none.
 * Each phase is kept per conversation in storage, so a reload or a second tab shows the agent who is
 * there (and does not offer "Talk to a human" again), and every change is reported to the host as one
 * `agent` event. Waiting ends by itself after `agentWaitMs`: a hub that never answers an escalation must
 * not leave the visitor waiting for ever.
 */
import type { AgentInfo, TranscriptEntry } from '../protocol';
import type { SafeStorage } from '../storage';
import type { Emit } from './events';
import type { AgentState, ChatState } from './state';
import type { Translate } from './store-deps';

const AGENT_KEY = 'agent';

interface StoredAgent extends AgentState {
  conversationId: string;
  /** When waiting began (epoch ms), so a reload keeps the same deadline. */
  since: number;
}

const isStoredAgent = (v: unknown): v is StoredAgent => {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<StoredAgent>;
  return (
    typeof s.conversationId === 'string' &&
    (s.phase === 'waiting' || s.phase === 'joined') &&
    typeof s.since === 'number' &&
    (s.name === undefined || typeof s.name === 'string') &&
    (s.avatar === undefined || typeof s.avatar === 'string')
  );
};

export interface AgentLifecycleDeps {
  state: ChatState;
  storage: SafeStorage;
  emit: Emit;
  t: Translate;
  notice(text: string, tone?: 'info' | 'error'): void;
  waitMs: number;
  now: () => number;
}

export function createAgentLifecycle(deps: AgentLifecycleDeps) {
  const { state, storage, emit, t } = deps;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function set(next: AgentState, since = deps.now()): void {
    clearTimeout(timer);
    state.agent.value = next;
    const conversationId = state.conversationId.value;
    if (next.phase === 'none' || !conversationId) storage.remove(AGENT_KEY);
    else storage.set(AGENT_KEY, { ...next, conversationId, since } satisfies StoredAgent);
    if (next.phase === 'waiting') timer = setTimeout(timedOut, Math.max(0, since + deps.waitMs - deps.now()));
  }

  function report(phase: 'waiting' | 'joined' | 'left' | 'failed', name?: string): void {
    const conversationId = state.conversationId.value;
    if (conversationId) emit('agent', { phase, conversationId, ...(name ? { name } : {}) });
  }

  function timedOut(): void {
    if (state.agent.value.phase !== 'waiting') return;
    set({ phase: 'none' });
    deps.notice(t('agentWaitTimedOut'));
    report('failed');
  }

  return {
    /** The visitor asked for a person. */
    waiting(): void {
      set({ phase: 'waiting' });
      report('waiting');
    },
    joined(agent: AgentInfo | undefined): void {
      const name = agent?.name ?? t('agentGenericName');
      set({ phase: 'joined', name, ...(agent?.avatar ? { avatar: agent.avatar } : {}) });
      deps.notice(t('agentJoined', { name }));
      report('joined', name);
    },
    left(): void {
      const name = state.agent.value.name ?? t('agentGenericName');
      set({ phase: 'none' });
      deps.notice(t('agentLeft', { name }));
      report('left', name);
    },
    failed(): void {
      set({ phase: 'none' });
      deps.notice(t('agentUnavailable'));
      report('failed');
    },
    /** Shows what storage says of the current conversation's hand-off (after a reload, in a new tab). */
    restore(): void {
      const stored = storage.get(AGENT_KEY, isStoredAgent);
      if (!stored || stored.conversationId !== state.conversationId.value) return;
      const { conversationId: _c, since, ...agent } = stored;
      set(agent, since);
    },
    /**
     * A restored transcript confirms a wait that ended while the page was away: an agent who wrote in the
     * conversation has joined it.
     */
    confirm(entries: readonly TranscriptEntry[]): void {
      if (state.agent.value.phase !== 'waiting') return;
      const last = entries.findLast((e) => e.sender === 'agent');
      if (last) set({ phase: 'joined', name: last.name ?? t('agentGenericName') });
    },
    /** Another conversation is shown: nothing of this one's hand-off stays. */
    reset(): void {
      clearTimeout(timer);
      state.agent.value = { phase: 'none' };
    },
    dispose(): void {
      clearTimeout(timer);
    },
  };
}

export type AgentLifecycle = ReturnType<typeof createAgentLifecycle>;
