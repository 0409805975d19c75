/**
 * What the store does with what the session reports: frames go to the frame handler, the status becomes
 * state and a host event, delivery states reach their message, and the other tabs' notes are applied.
 */
import type { Rejection } from '../protocol';
import type { SessionListener } from '../session';
import type { Conversation } from './conversation';
import type { Emit } from './events';
import type { MessageLog } from './message-log';
import type { SentEvents } from './sent-events';
import type { ChatState } from './state';
import type { Translate } from './store-deps';

export interface ListenerContext {
  state: ChatState;
  emit: Emit;
  log: MessageLog;
  conversation: Conversation;
  frame: SessionListener['frame'];
  sent: SentEvents;
  t: Translate;
  /** Opens or closes the panel as another tab did. */
  setOpen(open: boolean): void;
  /** Another tab logged the visitor out. */
  forgetVisitor(): void;
}

export function createSessionListener(ctx: ListenerContext): SessionListener & { readonly rejected: number } {
  const { state, emit } = ctx;
  /** Frames the decoder refused (not JSON, unknown events, broken payloads): counted, logged, ignored. */
  let rejected = 0;
  return {
    get rejected() {
      return rejected;
    },
    conversationId: () => state.conversationId.value,
    frame: ctx.frame,
    status(status) {
      state.connection.value = status;
      const { state: now, retryInMs, sendMode, sendingVia } = status;
      emit('status', {
        state: now,
        ...(retryInMs === undefined ? {} : { retryInMs }),
        ...(sendMode ? { sendMode } : {}),
        ...(sendingVia ? { sendingVia } : {}),
      });
    },
    ready: () => ctx.conversation.onReady(),
    trouble(trouble) {
      if (trouble.code === 'start_timeout') {
        ctx.log.notice(ctx.t('startFailed'), 'error');
        emit('error', { code: 'start_timeout', message: 'The hub did not answer conversation_start' });
      } else if (trouble.code === 'transcript_unavailable') {
        // On restore the screen holds only what this device kept: say so rather than look complete.
        if (ctx.conversation.restoring()) ctx.log.notice(ctx.t('historyUnavailable'));
        emit('error', { code: 'transcript_unavailable', message: 'The hub did not send the transcript' });
      } else {
        // Also under the composer (an alert), where the visitor's next message would have gone.
        state.composerError.value = ctx.t('hubRefused');
        ctx.log.notice(ctx.t('hubRefused'), 'error');
        emit('error', { code: 'refused', message: trouble.detail });
      }
    },
    delivery(id, value) {
      ctx.log.setDelivery(id, value);
      ctx.sent.delivery(id, value);
    },
    reject(rejection: Rejection) {
      rejected += 1;
      if (rejected <= 5)
        console.warn('[captivate-chat] ignored a frame from the hub:', rejection.reason, rejection.detail);
    },
    note(note) {
      if (note.t === 'user') ctx.log.showUser(note.message);
      else if (note.t === 'reset') ctx.forgetVisitor();
      else ctx.setOpen(note.open);
    },
  };
}
