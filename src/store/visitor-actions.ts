/**
 * What the visitor (and the host, through the JS API) asks the store to send: the composer's text with its
 * files, a quick reply, an action, metadata, Retry. Each goes to the session's outbox, and a conversation is
 * asked for when there is none yet.
 */
import { batch, computed } from '@preact/signals';
import { newClientMsgId } from '../protocol';
import type { QueuedItem, Session } from '../session';
import type { AgentLifecycle } from './agent-lifecycle';
import type { Conversation } from './conversation';
import type { MessageLog } from './message-log';
import type { SentEvents } from './sent-events';
import type { ChatState } from './state';
import type { Translate } from './store-deps';
import { composeUserMessage } from './user-message';

export interface VisitorActionsContext {
  state: ChatState;
  session: Session;
  log: MessageLog;
  conversation: Conversation;
  agent: AgentLifecycle;
  sent: SentEvents;
  t: Translate;
  now: () => number;
}

export function createVisitorActions(ctx: VisitorActionsContext) {
  const { state, session, log, conversation, agent, sent, t, now } = ctx;

  function enqueue(item: QueuedItem & { kind: 'action' | 'metadata' }): void {
    sent.track(item.id, item.kind);
    if (session.enqueue(item) === 'queued') conversation.ensure();
  }

  /**
   * The visitor's messages shown failed, oldest first: what "Retry all" sends again. A failed message far up
   * a long log is out of sight (and out of the DOM), so the panel names how many there are.
   */
  const unsent = computed(() => state.messages.value.filter((m) => m.delivery?.value === 'failed'));

  return {
    unsent,
    /** Sends the composer's text with the finished attachments; `shown` replaces the text in the bubble. */
    sendText(text: string, shown?: string): boolean {
      const attachments = state.attachments.value;
      if (attachments.some((a) => a.status.value === 'uploading')) return false;
      const files = attachments.flatMap((a) => (a.status.value === 'done' && a.result ? [a.result] : []));
      const trimmed = text.trim();
      if (!trimmed && !files.length) return false;
      const { item, shared } = composeUserMessage(trimmed, shown, files, now());
      // Refused before the visitor's text leaves the composer: the hub could never take it.
      const queued = session.enqueue(item);
      if (queued !== 'queued') {
        state.composerError.value = t(queued === 'too_large' ? 'messageTooLong' : 'hubRefused');
        return false;
      }
      sent.track(item.id, 'message');
      batch(() => {
        state.composerError.value = undefined;
        state.attachments.value = [];
        log.showUser(shared);
      });
      session.share({ t: 'user', message: shared });
      conversation.ensure();
      return true;
    },
    chooseReply(messageId: string, label: string, value: string): void {
      const message = log.find(messageId);
      if (!message || message.chosen.value !== undefined) return;
      message.chosen.value = label;
      this.sendText(value, label);
    },
    /** Retry on a message that could not be delivered. */
    retryMessage(id: string): void {
      session.retry(id);
      conversation.ensure();
    },
    /** "Retry all": every failed message again, in the order they were typed. */
    retryUnsent(): void {
      for (const message of unsent.peek()) session.retry(message.id);
      conversation.ensure();
    },
    sendAction(actionId: string, data: Record<string, unknown> = {}): void {
      enqueue({ kind: 'action', id: newClientMsgId(), actionId, data });
    },
    escalate(): void {
      if (state.agent.value.phase !== 'none') return;
      agent.waiting();
      this.sendAction('escalateToHuman');
    },
    setMetadata(patch: Record<string, unknown>): void {
      conversation.mergeMetadata(patch);
      if (state.conversationId.value) enqueue({ kind: 'metadata', id: newClientMsgId(), metadata: patch });
    },
  };
}
