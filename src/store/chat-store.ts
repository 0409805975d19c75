/**
 * The conversation model: signals for the UI and the actions the UI and the JS API call. How anything
 * reaches the hub (socket, HTTP, another tab) is the session's business (docs/architecture.md §1): the store
 * queues what the visitor sends, asks for conversations and transcripts, and turns what comes back into
 * messages (frame-handler.ts, apply-transcript.ts).
 */
import { batch } from '@preact/signals';
import { newClientMsgId, transcriptRequest, type UserIdentity } from '../protocol';
import type { QueuedItem } from '../session';
import { applyTranscript } from './apply-transcript';
import { createConversation } from './conversation';
import { createFileActions } from './file-actions';
import { createFrameHandler } from './frame-handler';
import { createHistory } from './history';
import { createMessageLog } from './message-log';
import { createSessionListener } from './session-listener';
import { type ChatState, createState } from './state';
import type { StoreDeps } from './store-deps';
import { createUnread } from './unread';
import { composeUserMessage, pendingMessage } from './user-message';

export type { StoreDeps, Translate } from './store-deps';

export function createChatStore(deps: StoreDeps) {
  const { options, storage, t, emit, session } = deps;
  const now = deps.now ?? Date.now;
  const signals = createState(options.open);
  const unread = createUnread(signals.open, signals.messages, storage, emit);
  const state: ChatState = { ...signals, unread: unread.count };
  const log = createMessageLog(state, emit, now, deps.schedule);
  const conversation = createConversation({
    state,
    storage,
    emit,
    session,
    identity: options.user,
    metadata: options.metadata,
  });

  // Messages still in the outbox from before a reload: shown (sending, or failed) until settled.
  state.messages.value = session
    .restored(state.conversationId.value)
    .map((item) => pendingMessage(item, now()));

  function enqueue(item: QueuedItem): 'queued' | 'too_large' {
    const result = session.enqueue(item);
    if (result === 'queued') conversation.ensure();
    return result;
  }

  /** Clears the screen for another conversation (undefined: a new one, started on demand). */
  function switchConversation(id: string | undefined): void {
    handler.reset();
    batch(() => {
      log.clear();
      unread.markSeen();
      state.agent.value = { phase: 'none' };
      conversation.switchTo(id);
    });
  }

  const handler = createFrameHandler({
    state,
    options,
    t,
    emit,
    now,
    addMessage: log.add,
    notice: log.notice,
    onOther: (frame) => history.handle(frame),
    onConversationStarted: (id) => batch(() => conversation.started(id)),
    onConversationLost: () => conversation.lost(),
    onTranscript(frame) {
      log.flush();
      applyTranscript({ state, session, emit, now, restoring: conversation.restoring }, frame);
      conversation.historyShown();
    },
  });

  const history = createHistory({
    state,
    storage,
    now,
    send: (frame) => session.request(frame),
    userId: conversation.userId,
    openConversation: (id) => api.openConversation(id),
    newConversation: () => api.newConversation(),
  });

  /** Opens or closes the panel; `share`: tell the other tabs (false when they told us). */
  function applyOpen(open: boolean, share: boolean): void {
    if (state.open.value === open) return;
    batch(() => {
      state.open.value = open;
      unread.markSeen();
    });
    if (share) session.share({ t: 'open', open });
    if (open && options.start === 'bot-first') conversation.ensure();
    emit(open ? 'open' : 'close', {});
  }

  const listener = createSessionListener({
    state,
    emit,
    log,
    conversation,
    frame: handler,
    setOpen: (open) => applyOpen(open, false),
  });

  const api = {
    state,
    history,
    get rejectedFrames(): number {
      return listener.rejected;
    },
    connect(): void {
      if (state.conversationId.value)
        emit('conversation', { conversationId: state.conversationId.value, isNew: false });
      if (state.open.value && options.start === 'bot-first') conversation.wantNow();
      session.open({ ...listener, joined: () => session.share({ t: 'open', open: state.open.value }) });
    },
    setOpen: (open: boolean) => applyOpen(open, true),
    /** Sends the composer's text with the finished attachments; `shown` replaces the text in the bubble. */
    sendText(text: string, shown?: string): boolean {
      const attachments = state.attachments.value;
      if (attachments.some((a) => a.status.value === 'uploading')) return false;
      const files = attachments.flatMap((a) => (a.status.value === 'done' && a.result ? [a.result] : []));
      const trimmed = text.trim();
      if (!trimmed && !files.length) return false;
      const { item, shared } = composeUserMessage(trimmed, shown, files, now());
      // Refused before the visitor's text leaves the composer: the hub could never take it.
      if (session.enqueue(item) === 'too_large') {
        state.composerError.value = t('messageTooLong');
        return false;
      }
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
      const message = state.messages.value.find((m) => m.id === messageId);
      if (!message || message.chosen.value !== undefined) return;
      message.chosen.value = label;
      api.sendText(value, label);
    },
    /** Retry on a message that could not be delivered. */
    retryMessage(id: string): void {
      session.retry(id);
      conversation.ensure();
    },
    sendAction(actionId: string, data: Record<string, unknown> = {}): void {
      enqueue({ kind: 'action', id: newClientMsgId(), actionId, data });
    },
    escalate(): void {
      if (state.agent.value.phase !== 'none') return;
      state.agent.value = { phase: 'waiting' };
      api.sendAction('escalateToHuman');
    },
    setMetadata(patch: Record<string, unknown>): void {
      conversation.mergeMetadata(patch);
      if (state.conversationId.value) enqueue({ kind: 'metadata', id: newClientMsgId(), metadata: patch });
    },
    identify: (next: UserIdentity) => conversation.identify(next),
    newConversation(): void {
      switchConversation(undefined);
      conversation.ensure();
    },
    /** Shows another of the visitor's conversations (history): its transcript renders it. */
    openConversation(id: string): void {
      switchConversation(id);
      session.request(transcriptRequest(id));
    },
    ...createFileActions({
      state,
      options,
      t,
      uploader: deps.uploader,
      ensureConversation: conversation.ensure,
    }),
    retryConnection: () => session.reconnect(),
    destroy(): void {
      handler.reset();
      unread.dispose();
      session.close();
    },
  };
  return api;
}

export type ChatStore = ReturnType<typeof createChatStore>;
