/**
 * Turns each decoded hub frame into state changes, system notices and host events. A frame that names a
 * conversation other than the one on screen is dropped here, before anything renders or reports it: the
 * hub may still push to a conversation the visitor left (history, a new conversation, a second tab).
 * Frames without a conversation id belong to the current one, as the manual's `bot_message` does. (A 413
 * with a link never gets here: the session fetches the message and passes it on as a `bot_message`.)
 * Frames are handled in the order they came, also when one takes several tasks (frame-queue.ts).
 */
import type { InboundFrame, MessagePart } from '../protocol';
import type { AgentLifecycle } from './agent-lifecycle';
import type { Emit } from './events';
import { createFrameQueue } from './frame-queue';
import { MEMORY_CAP } from './message-log';
import { type ChatMessage, createMessage, localId } from './messages';
import type { ChatOptions } from './options';
import { createPlayback } from './playback';
import type { ChatSignals } from './state';
import type { Translate } from './store-deps';

interface PlayMeta {
  sender: 'bot' | 'agent';
  id: string;
  name?: string;
  avatar?: string;
}

export interface FrameHandlerContext {
  state: ChatSignals;
  options: ChatOptions;
  t: Translate;
  emit: Emit;
  now: () => number;
  addMessage(message: ChatMessage, later?: boolean): void;
  notice(text: string, tone?: 'info' | 'error'): void;
  agent: AgentLifecycle;
  onConversationStarted(id: string): void;
  onConversationLost(): void;
  /**
   * Returns a promise when the transcript is applied over several tasks: later frames wait for it. `stale`
   * turns true once the handler was reset (the conversation is being left).
   */
  onTranscript(
    frame: Extract<InboundFrame, { type: 'conversation_transcript' }>,
    stale: () => boolean,
  ): Promise<unknown> | undefined;
  /** Frames not handled here (history answers: user_conversations, delete_conversation_success, metadata). */
  onOther?(frame: InboundFrame): void;
}

export function createFrameHandler(ctx: FrameHandlerContext) {
  const { state, t, emit } = ctx;

  /**
   * Hub message ids played, oldest first (every hub message reaches the log through here): twice as many as
   * the log keeps, so a repeat of a message the log has let go is still recognised (a hub repeats recent
   * messages, not ones 20,000 back).
   */
  const played = new Set<string>();
  const playback = createPlayback<PlayMeta>({
    show(segment, meta) {
      ctx.addMessage(
        createMessage({
          id: segment.index === 0 ? meta.id : `${meta.id}#${segment.index}`,
          sender: meta.sender,
          parts: segment.parts,
          at: ctx.now(),
          history: false,
          ...(meta.name ? { senderName: meta.name } : {}),
          ...(meta.avatar ? { avatar: meta.avatar } : {}),
        }),
        true,
      );
    },
    typing(active, meta) {
      state.typing.value = active ? { ...(meta?.name ? { name: meta.name } : {}) } : undefined;
    },
  });

  function play(sender: 'bot' | 'agent', parts: MessagePart[], id: string | undefined): void {
    // The same hub message delivered twice (a retrying hub, two sockets) is shown once.
    if (id && played.has(id)) return;
    if (id) {
      played.add(id);
      if (played.size > 2 * MEMORY_CAP) played.delete(played.values().next().value!);
    }
    const agent = state.agent.value;
    const meta: PlayMeta =
      sender === 'agent'
        ? {
            sender,
            id: id ?? localId('agent'),
            name: agent.name ?? t('agentGenericName'),
            ...(agent.avatar ? { avatar: agent.avatar } : {}),
          }
        : {
            sender,
            id: id ?? localId('bot'),
            ...(ctx.options.title ? { name: ctx.options.title } : {}),
            ...(ctx.options.avatar ? { avatar: ctx.options.avatar } : {}),
          };
    playback.enqueue({ parts, meta });
  }

  /** The same gateway trouble is told to the visitor once a minute, however many frames report it. */
  const toldAt = new Map<string, number>();
  const GATEWAY_NOTICE = {
    gateway_forbidden: 'hubRefused',
    gateway_rate_limited: 'hubBusy',
    gateway_server_error: 'hubFailed',
    gateway_error: 'hubFailed',
  } as const;

  function gatewayError(frame: Extract<InboundFrame, { type: 'gateway_error' }>): void {
    emit('error', { code: frame.code, message: frame.message });
    const last = toldAt.get(frame.code);
    if (last !== undefined && ctx.now() - last < 60_000) return;
    toldAt.set(frame.code, ctx.now());
    ctx.notice(t(GATEWAY_NOTICE[frame.code]), 'error');
  }

  let foreign = 0;
  function isForeign(frame: InboundFrame): boolean {
    const named = 'conversationId' in frame ? frame.conversationId : undefined;
    if (!named || named === state.conversationId.value) return false;
    foreign += 1;
    if (foreign <= 5) console.warn('[captivate-chat] ignored a frame for another conversation:', frame.type);
    return true;
  }

  /** Bumped by `reset`: what was in progress before belongs to a screen that is gone. */
  let generation = 0;

  function handle(frame: InboundFrame): Promise<unknown> | undefined {
    // Answers about other conversations (history lists, deletes, start) are the only ones that may name them.
    const aboutAnyConversation =
      frame.type === 'conversation_start_success' ||
      frame.type === 'user_conversations' ||
      frame.type === 'delete_conversation_success' ||
      frame.type === 'conversation_transcript';
    if (!aboutAnyConversation && isForeign(frame)) return;
    switch (frame.type) {
      case 'conversation_start_success':
        ctx.onConversationStarted(frame.conversationId);
        return;
      case 'bot_message':
        play('bot', frame.parts, frame.messageId);
        return;
      case 'livechat_message':
        play('agent', frame.parts, frame.messageId);
        return;
      case 'action':
        for (const action of frame.actions)
          emit('action', { id: action.id, data: action.data, type: action.type });
        return;
      case 'conversation_transcript': {
        const started = generation;
        return ctx.onTranscript(frame, () => generation !== started);
      }
      case 'agent_update':
        if (frame.status === 'connected') ctx.agent.joined(frame.agent);
        else if (frame.status === 'disconnected') ctx.agent.left();
        else ctx.agent.failed();
        return;
      case 'conversation_update':
        emit('update', {
          type: frame.updateType,
          data: frame.data,
          conversationId: frame.conversationId ?? state.conversationId.value,
        });
        return;
      case 'gateway_error':
        gatewayError(frame);
        return;
      case 'general_error':
        emit('error', { code: frame.code, message: frame.description ?? `Hub error ${frame.code}` });
        if (
          frame.code === 400 &&
          (!frame.conversationId || frame.conversationId === state.conversationId.value)
        ) {
          ctx.notice(t('conversationEnded'), 'error');
          ctx.onConversationLost();
        } else {
          ctx.notice(t('genericError', { code: frame.code }), 'error');
        }
        return;
      default:
        ctx.onOther?.(frame);
        return;
    }
  }

  const queue = createFrameQueue(handle);
  return Object.assign(queue.push, {
    reset(): void {
      generation += 1;
      queue.release();
      playback.cancel();
    },
  });
}
