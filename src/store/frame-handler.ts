/**
 * Turns each decoded hub frame into state changes, system notices and host events. (A 413 with a link never
 * gets here: the session fetches the message and passes it on as a `bot_message`.)
 */
import type { InboundFrame, MessagePart } from '../protocol';
import type { Emit } from './events';
import { type ChatMessage, createMessage, localId } from './messages';
import type { ChatOptions } from './options';
import { createPlayback } from './playback';
import type { ChatState } from './state';
import type { Translate } from './store-deps';

interface PlayMeta {
  sender: 'bot' | 'agent';
  id: string;
  name?: string;
  avatar?: string;
}

export interface FrameHandlerContext {
  state: ChatState;
  options: ChatOptions;
  t: Translate;
  emit: Emit;
  now: () => number;
  addMessage(message: ChatMessage, later?: boolean): void;
  notice(text: string, tone?: 'info' | 'error'): void;
  onConversationStarted(id: string): void;
  onConversationLost(): void;
  onTranscript(frame: Extract<InboundFrame, { type: 'conversation_transcript' }>): void;
  /** Frames not handled here (history answers: user_conversations, delete_conversation_success, metadata). */
  onOther?(frame: InboundFrame): void;
}

export function createFrameHandler(ctx: FrameHandlerContext) {
  const { state, t, emit } = ctx;

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
    if (id && (played.has(id) || state.messages.value.some((m) => m.id === id))) return;
    if (id) played.add(id);
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

  function handle(frame: InboundFrame): void {
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
      case 'conversation_transcript':
        ctx.onTranscript(frame);
        return;
      case 'agent_update':
        agentUpdate(frame);
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

  function agentUpdate(frame: Extract<InboundFrame, { type: 'agent_update' }>): void {
    const fallback = t('agentGenericName');
    if (frame.status === 'connected') {
      const name = frame.agent?.name ?? fallback;
      state.agent.value = {
        phase: 'joined',
        name,
        ...(frame.agent?.avatar ? { avatar: frame.agent.avatar } : {}),
      };
      ctx.notice(t('agentJoined', { name }));
    } else if (frame.status === 'disconnected') {
      const name = state.agent.value.name ?? fallback;
      state.agent.value = { phase: 'none' };
      ctx.notice(t('agentLeft', { name }));
    } else {
      state.agent.value = { phase: 'none' };
      ctx.notice(t('agentUnavailable'));
    }
  }

  return Object.assign(handle, { reset: () => playback.cancel() });
}
