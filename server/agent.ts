/**
 * The simulated live agent, Dana. An escalation waits `agentDelayMs`, then either fails
 * (`failedAgentAssignment` + a bot apology, with probability `agentFailureRate`) or connects
 * (`livechatAgentConnected` with agentInfo, a greeting and an image). While connected, Dana answers user
 * messages; "bye" makes her say goodbye and disconnect, and the bot takes over again.
 */
import type { Conversation, ConversationStore } from './conversations';
import type { RuntimeOptions } from './options';
import type { Responder } from './responder';
import type { Scheduler } from './scheduler';

export const AGENT_NAME = 'Dana';

export interface Agent {
  /** Asks for an agent (no-op while one is connected or an assignment is pending). */
  escalate(conv: Conversation, base: string): void;
  /** Dana's answer to a user message, at once (only while she is connected). */
  reply(conv: Conversation, text: string, fileNames: readonly string[]): void;
}

const text = (value: string) => ({ type: 'text', text: value });

export function createAgent(deps: {
  store: ConversationStore;
  responder: Responder;
  scheduler: Scheduler;
  options: () => RuntimeOptions;
  random: () => number;
}): Agent {
  const { store, responder, scheduler } = deps;
  const pending = new Set<string>();

  const connect = (conv: Conversation, base: string) => {
    const avatar = `${base}/assets/dana.png`;
    store.setAgent(conv, { connected: true, name: AGENT_NAME, avatar });
    responder.update(conv, 'livechatAgentConnected', { agentInfo: { name: AGENT_NAME, avatar } });
    responder.agent(conv, [text(`Hi, I'm ${AGENT_NAME} from the support team. How can I help you today?`)]);
    responder.agent(conv, [
      {
        type: 'files',
        files: [{ type: 'image', url: `${base}/assets/agent-photo.png`, mimetype: 'image', filename: null }],
      },
    ]);
  };

  const fail = (conv: Conversation) => {
    responder.update(conv, 'failedAgentAssignment', {});
    responder.bot(conv, [
      text('Sorry, no one is available right now. Please try again later, or ask me instead.'),
    ]);
  };

  return {
    escalate(conv, base) {
      if (conv.agent.connected || pending.has(conv.id)) return;
      pending.add(conv.id);
      scheduler.run(conv.id, deps.options().agentDelayMs, () => {
        pending.delete(conv.id);
        if (store.get(conv.id) !== conv) return;
        if (deps.random() < deps.options().agentFailureRate) fail(conv);
        else connect(conv, base);
      });
    },
    reply(conv, said, fileNames) {
      if (!conv.agent.connected) return;
      if (/\b(bye|goodbye)\b/i.test(said)) {
        responder.agent(conv, [text('Goodbye! It was a pleasure. The bot will take it from here.')]);
        responder.update(conv, 'livechatAgentDisconnected', {});
        store.setAgent(conv, { connected: false, name: AGENT_NAME });
        return;
      }
      const about = fileNames.length > 0 ? `Thanks for the file${fileNames.length > 1 ? 's' : ''}. ` : '';
      const echo = said.trim() !== '' ? `You wrote: “${said.trim()}”. ` : '';
      responder.agent(conv, [text(`${about}${echo}Let me check that for you. (Say "bye" to end the chat.)`)]);
    },
  };
}
