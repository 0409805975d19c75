/**
 * Who answers what: the bot-first empty message gets the greeting; other user messages are stored and
 * answered by the live agent while one is connected, else by the bot; `escalateToHuman` (the action or
 * the words) brings the agent in. Bot steps run after `replyDelayMs`, in order per conversation.
 */
import type { Agent } from './agent';
import { type BotStep, botReply, escalationSteps, greetingSteps } from './bot';
import type { Conversation, ConversationStore } from './conversations';
import type { RuntimeOptions } from './options';
import type { Responder } from './responder';
import type { Scheduler } from './scheduler';
import { partsFileNames, partsText } from './user-content';

export interface Flow {
  /** A user message already turned into parts (none for the bot-first message). */
  userMessage(conv: Conversation, parts: unknown[], clientMsgId: string | undefined, base: string): void;
  /** An `action` event from the client; `id` already trimmed. */
  action(conv: Conversation, id: string, base: string): void;
}

export const ESCALATE_ID = 'escalateToHuman';

export function createFlow(deps: {
  store: ConversationStore;
  responder: Responder;
  scheduler: Scheduler;
  agent: Agent;
  options: () => RuntimeOptions;
}): Flow {
  const { store, responder, scheduler, agent } = deps;

  const run = (conv: Conversation, steps: BotStep[], base: string) => {
    const largeLink = (messageId: string) => `${base}/large-message/${messageId}`;
    for (const step of steps) {
      switch (step.kind) {
        case 'say':
          responder.bot(conv, step.parts, { actions: step.actions, largeLink });
          break;
        case 'large': {
          const message = responder.bot(conv, step.parts, { deliver: false });
          if (message) responder.error(conv.id, 413, null, { message_link: largeLink(message.id) });
          break;
        }
        case 'error':
          if (store.get(conv.id) === conv) responder.error(conv.id, step.code, step.desc);
          break;
        case 'action':
          responder.action(conv, step.payload);
          break;
        case 'escalate':
          agent.escalate(conv, base);
          break;
      }
    }
  };

  const later = (conv: Conversation, steps: () => BotStep[], base: string) =>
    scheduler.run(conv.id, deps.options().replyDelayMs, () => run(conv, steps(), base));

  return {
    userMessage(conv, parts, clientMsgId, base) {
      if (parts.length === 0) {
        later(conv, greetingSteps, base);
        return;
      }
      store.addMessage(conv, { from: 'user', parts, ...(clientMsgId ? { clientMsgId } : {}) });
      const text = partsText(parts);
      const fileNames = partsFileNames(parts);
      scheduler.run(conv.id, deps.options().replyDelayMs, () => {
        if (conv.agent.connected) agent.reply(conv, text, fileNames);
        else run(conv, botReply(text, fileNames, base), base);
      });
    },
    action(conv, id, base) {
      if (id !== ESCALATE_ID || conv.agent.connected) return;
      later(conv, escalationSteps, base);
    },
  };
}
