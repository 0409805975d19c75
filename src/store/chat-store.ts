/**
 * The conversation model: signals for the UI and the actions the UI and the JS API call. How anything
 * reaches the hub (socket, HTTP, another tab) is the session's business (docs/architecture.md §1): the store
 * queues what the visitor sends, asks for conversations and transcripts, and turns what comes back into
 * messages (frame-handler.ts, apply-transcript.ts).
 */
import { batch } from '@preact/signals';
import { transcriptRequest, type UserIdentity } from '../protocol';
import { nextTask as pageNextTask } from '../session';
import { createAgentLifecycle } from './agent-lifecycle';
import { applyTranscript, emitMessage } from './apply-transcript';
import { createConversation } from './conversation';
import { createFileActions } from './file-actions';
import { createFrameHandler } from './frame-handler';
import { createHistory } from './history';
import { createMessageLog } from './message-log';
import { createSentEvents } from './sent-events';
import { createSessionListener } from './session-listener';
import { type ChatState, createState } from './state';
import type { StoreDeps } from './store-deps';
import { forgetTail, keepTail, readTail } from './stored-tail';
import { createUnread } from './unread';
import { pendingMessage } from './user-message';
import { createVisitorActions } from './visitor-actions';

export type { StoreDeps, Translate } from './store-deps';

export function createChatStore(deps: StoreDeps) {
  const { options, storage, t, emit, session } = deps;
  const now = deps.now ?? Date.now;
  const nextTask = 'nextTask' in deps ? deps.nextTask : pageNextTask;
  const signals = createState(options.open);
  const log = createMessageLog(signals, emit, now, deps.schedule);
  const unread = createUnread(signals.open, log.arrived, storage, emit);
  const state: ChatState = { ...signals, unread: unread.count };
  const conversation = createConversation({
    state,
    storage,
    emit,
    session,
    identity: options.user,
    metadata: options.metadata,
  });

  const agent = createAgentLifecycle({
    state,
    storage,
    emit,
    t,
    notice: log.notice,
    waitMs: options.agentWaitMs,
    now,
  });
  agent.restore();

  // What this device kept of the conversation (shown at once, reconciled when the transcript comes), with
  // the messages still in the outbox from before a reload: shown (sending, or failed) until settled.
  const waiting = session.restored(state.conversationId.value).map((item) => pendingMessage(item, now()));
  const restored = readTail(storage, state.conversationId.value, waiting);
  log.replace(restored, waiting);
  for (const message of restored) if (message.history) emitMessage(emit, message, state.conversationId.value);
  const stopTail = keepTail(storage, state);

  /** Clears the screen for another conversation (undefined: a new one, started on demand). */
  function switchConversation(id: string | undefined): void {
    handler.reset();
    batch(() => {
      log.clear();
      unread.markSeen();
      agent.reset();
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
    agent,
    onOther: (frame) => history.handle(frame),
    onConversationStarted: (id) => batch(() => conversation.started(id)),
    onConversationLost: () => conversation.lost(),
    onTranscript(frame, stale) {
      log.flush();
      const restoring = conversation.restoring();
      const shown = () => {
        if (restoring) agent.confirm(frame.entries);
        conversation.historyShown();
      };
      const applying = applyTranscript(
        { state, log, session, emit, now, restoring: conversation.restoring, nextTask, stale },
        frame,
      );
      if (applying) return applying.then((applied) => applied && shown());
      shown();
      return undefined;
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
    forget(id) {
      session.forget(id);
      forgetTail(storage, id);
    },
    sendMode: () => (state.connection.value.sendingVia === 'http' ? 'http' : 'socket'),
    onDeleteTimeout(which) {
      log.notice(t('deleteTimedOut'), 'error');
      const what = which === 'all' ? 'all conversations' : 'a conversation';
      emit('error', { code: 'delete_timeout', message: `The hub did not confirm deleting ${what}` });
    },
  });

  /**
   * This tab's part of a logout (`reset()`, here or in another tab): the screen, the history list, the
   * unread count and who the visitor is all go; the next conversation starts afresh.
   */
  function forgetVisitor(): void {
    const forgotten = state.conversationId.peek();
    switchConversation(undefined);
    // Another tab's logout clears storage before this tab hears of it: a tail this tab wrote in between goes.
    if (forgotten) forgetTail(storage, forgotten);
    batch(() => {
      conversation.forgetVisitor();
      history.clear();
      unread.clear();
    });
  }

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

  const sent = createSentEvents(emit, () => state.conversationId.value);
  const listener = createSessionListener({
    state,
    emit,
    log,
    conversation,
    frame: handler,
    sent,
    t,
    setOpen: (open) => applyOpen(open, false),
    forgetVisitor,
  });

  const visitor = createVisitorActions({ state, session, log, conversation, agent, sent, t, now });

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
      // The page the visitor is on now: a resumed conversation hears this page's context, once per page view.
      if (state.conversationId.value && Object.keys(options.metadata).length)
        visitor.setMetadata(options.metadata);
    },
    setOpen: (open: boolean) => applyOpen(open, true),
    ...visitor,
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
    /** The log let older messages go (message-log.ts): the transcript brings a page of them back. */
    showEarlier(): void {
      const id = state.conversationId.value;
      if (!id || !state.earlier.value) return;
      log.makeRoomForEarlier();
      session.request(transcriptRequest(id));
    },
    ...createFileActions({
      state,
      options,
      t,
      uploader: deps.uploader,
      fileLinks: deps.fileLinks,
      ensureConversation: conversation.ensure,
    }),
    /**
     * Logout: forgets the conversation, the anonymous id, the identity and everything else this widget stored
     * for the site, in every tab; what waited to be sent is dropped. The panel stays as it is, empty.
     */
    reset(): void {
      session.forget();
      forgetVisitor();
      for (const key of storage.keys()) storage.remove(key);
      session.share({ t: 'reset' });
      // As on opening: an open panel greets the next visitor in a new conversation.
      if (state.open.value && options.start === 'bot-first') conversation.ensure();
    },
    retryConnection: () => session.reconnect(),
    /** `keepQueued`: the widget leaves as with the page (its element was removed): what waits stays stored. */
    destroy(keepQueued = false): void {
      handler.reset();
      agent.dispose();
      history.dispose();
      unread.dispose();
      stopTail();
      // The host wants the widget gone: nothing it queued is kept to be sent or shown on a later page load.
      if (!keepQueued) session.forget();
      session.close();
    },
  };
  return api;
}

export type ChatStore = ReturnType<typeof createChatStore>;
