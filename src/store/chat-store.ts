/**
 * The widget's store: signals for the UI and the actions the UI and the JS API call. It owns the session
 * flow on top of the connection: start or resume a conversation once the socket is ready, hand the outbox
 * to delivery (delivery.ts), read transcripts back (apply-transcript.ts), and pass every other inbound
 * frame to the frame handler.
 *
 * Conversations start lazily: bot-first when the panel first opens (so the greeting is seen), user-first on
 * the first thing the visitor sends. Merely loading the widget never creates an empty conversation.
 */
import { batch } from '@preact/signals';
import {
  conversationStart,
  metadataRequest,
  newClientMsgId,
  type OutboundFrame,
  type Rejection,
  transcriptRequest,
  type UserIdentity,
} from '../protocol';
import type { Connection, ConnectionStatus } from '../transport/connection';
import { type OutboxItem, tooLargeToSend } from '../transport/outbox';
import { createAgentLifecycle } from './agent-lifecycle';
import { applyTranscript, emitMessage } from './apply-transcript';
import { createArrivals } from './arrivals';
import { createDelivery } from './delivery';
import { createFileActions } from './file-actions';
import { createFrameHandler } from './frame-handler';
import { createHistory } from './history';
import { type ChatMessage, createMessage, type DeliveryState, systemNotice } from './messages';
import { linkSession } from './session-link';
import { createStartWatch } from './start-watch';
import { createState } from './state';
import type { StoreDeps } from './store-deps';
import type { SharedUserMessage, Tabs } from './tabs';
import { createUserIds } from './user-id';
import { composeUserMessage, pendingMessage } from './user-message';

export type { StoreDeps, Translate } from './store-deps';

const CONVERSATION_KEY = 'conversation';
const UNREAD_KEY = 'unread';
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function createChatStore(deps: StoreDeps) {
  const { options, storage, t, emit } = deps;
  const now = deps.now ?? Date.now;
  const state = createState(options.open);
  let identity: UserIdentity = { ...options.user };
  const userIds = createUserIds(storage);
  let metadata: Record<string, unknown> = { ...options.metadata };
  let connection: Connection | undefined;
  /** Multi-tab roles (tabs.ts): set in connect(). Until then, and alone, this tab leads. */
  let tabs: Tabs | undefined;
  const leading = (): boolean => tabs?.isLeader() ?? true;
  const startWatch = createStartWatch({
    retry() {
      ensureConversation();
    },
    giveUp() {
      notice(t('startFailed'), 'error');
      emit('error', { code: 'start_timeout', message: 'The hub did not answer conversation_start' });
    },
  });
  let wantConversation = false;
  /** Frames the decoder refused (not JSON, unknown events, broken payloads): counted, logged, ignored. */
  let rejected = 0;

  state.conversationId.value = storage.get(CONVERSATION_KEY, isString);
  state.unread.value = storage.get(UNREAD_KEY, isCount) ?? 0;

  /** Sends on this tab's socket; a tab without one (not the leader) hands the frame to the leader. */
  function send(frame: OutboundFrame): 'sent' | 'not_ready' | 'too_large' {
    if (connection) return connection.send(frame);
    if (!tabs || leading()) return 'not_ready';
    tabs.tell({ t: 'send', frame });
    return 'sent';
  }

  const delivery = createDelivery({
    storage,
    send,
    now,
    conversationId: () => state.conversationId.value,
    sendTranscriptRequest() {
      const id = state.conversationId.value;
      return !!id && send(transcriptRequest(id)) === 'sent';
    },
    setState(id, value) {
      setDelivery(id, value);
      tabs?.tell({ t: 'delivery', id, state: value });
    },
    onTooLarge() {
      state.composerError.value = t('messageTooLong');
    },
  });

  // Messages still in the outbox from before a reload: shown (sending, or failed) until settled.
  state.messages.value = delivery
    .restored(state.conversationId.value)
    .map((item) => pendingMessage(item, now()));

  function setDelivery(id: string, value: DeliveryState): void {
    const message = state.messages.value.find((m) => m.id === id);
    if (message?.delivery) message.delivery.value = value;
  }

  function setUnread(count: number): void {
    state.unread.value = count;
    storage.set(UNREAD_KEY, count);
    emit('unread', { count });
  }

  // Messages from the hub are appended once per frame: a burst of a thousand is one render, not a thousand.
  const arrivals = createArrivals((batch) => {
    state.messages.value = [...state.messages.value, ...batch];
  }, deps.schedule);

  /** `later`: a hub message, which may wait for the next frame; anything else lands at once, in order. */
  function addMessage(message: ChatMessage, later = false): void {
    if (later) arrivals.push(message);
    else {
      arrivals.flush();
      state.messages.value = [...state.messages.value, message];
    }
    if (!message.history && message.sender !== 'user' && !state.open.value) setUnread(state.unread.value + 1);
    emitMessage(emit, message, state.conversationId.value);
  }

  function notice(text: string, tone: 'info' | 'error' = 'info'): void {
    addMessage(systemNotice(text, tone, now()));
  }

  const agent = createAgentLifecycle({ state, storage, emit, t, notice, waitMs: options.agentWaitMs, now });
  agent.restore();

  /** Clears the screen for another conversation (undefined: a new one, started on demand). */
  function switchConversation(id: string | undefined): void {
    handler.reset();
    startWatch.settled();
    arrivals.clear();
    batch(() => {
      state.messages.value = [];
      agent.reset();
      setConversation(id, false);
    });
  }

  function setConversation(id: string | undefined, isNew: boolean): void {
    state.conversationId.value = id;
    if (id) storage.set(CONVERSATION_KEY, id);
    else storage.remove(CONVERSATION_KEY);
    if (id) emit('conversation', { conversationId: id, isNew });
  }

  /** Sends `conversation_start` when one is wanted, none exists and none is in flight on this socket. */
  function ensureConversation(): void {
    wantConversation = true;
    if (!leading()) {
      // Only the tab with the socket starts conversations: a second tab never starts a second one.
      if (!state.conversationId.value) tabs?.tell({ t: 'start' });
      return;
    }
    if (state.conversationId.value || startWatch.waiting() || !connection?.ready) return;
    const who = userIds.withUserId(identity);
    const payload = Object.keys(metadata).length ? { identity: who, metadata } : { identity: who };
    if (send(conversationStart(payload)) === 'sent') startWatch.sent();
  }

  function enqueue(item: OutboxItem & { untracked?: boolean; display?: string }): void {
    if (!leading()) {
      tabs?.forward(item);
      return;
    }
    delivery.enqueue(item);
    ensureConversation();
  }

  /** Whether this conversation's transcript has been shown yet (a new conversation has none to show). */
  let historyLoaded = !state.conversationId.value;
  const restoring = (): boolean => !historyLoaded;

  const handler = createFrameHandler({
    state,
    options,
    t,
    emit,
    now,
    addMessage,
    notice,
    send,
    agent,
    onOther: (frame) => history.handle(frame),
    onConversationStarted(id) {
      // One answer per start: a second one (a slow answer to a start that was sent again) is not switched to.
      if (state.conversationId.value && !startWatch.waiting()) return;
      startWatch.settled();
      historyLoaded = true;
      batch(() => setConversation(id, true));
      if (options.start === 'bot-first' && leading()) {
        // The vendor's client greets by sending an empty text: the bot answers it, the widget never shows it.
        enqueue({ kind: 'message', id: newClientMsgId(), text: '', untracked: true });
      }
      delivery.flush();
    },
    onConversationLost() {
      startWatch.settled();
      if (leading()) delivery.failAll();
      setConversation(undefined, false);
      ensureConversation();
    },
    onTranscript(frame) {
      arrivals.flush();
      const wasRestoring = restoring();
      applyTranscript({ state, delivery, emit, now, restoring, settles: leading() }, frame);
      if (wasRestoring) agent.confirm(frame.entries);
      historyLoaded = true;
    },
  });

  const history = createHistory({
    state,
    storage,
    now,
    send,
    userId: () => userIds.peek(identity),
    openConversation: (id) => api.openConversation(id),
    newConversation: () => api.newConversation(),
    onDeleteTimeout(which) {
      notice(t('deleteTimedOut'), 'error');
      emit('error', {
        code: 'delete_timeout',
        message: `The hub did not confirm deleting ${which === 'all' ? 'all conversations' : 'a conversation'}`,
      });
    },
  });

  function onReady(): void {
    startWatch.settled();
    // Every (re)connect reads the transcript: it renders history after a reload, adds what arrived while the
    // socket was down, and settles messages whose socket died under them.
    delivery.onReady();
    if (state.conversationId.value) delivery.requestTranscript();
    if (wantConversation || delivery.hasQueued()) ensureConversation();
  }

  function applyStatus(status: ConnectionStatus): void {
    state.connection.value = status;
    if (status.state !== 'connected') delivery.onDisconnect();
    emit('status', {
      state: status.state,
      ...(status.retryInMs === undefined ? {} : { retryInMs: status.retryInMs }),
    });
  }

  /** Opens or closes the panel; `share`: tell the other tabs (false when they told us). */
  function applyOpen(open: boolean, share: boolean): void {
    if (state.open.value === open) return;
    state.open.value = open;
    if (share) tabs?.tell({ t: 'open', open });
    if (open) {
      if (state.unread.value) setUnread(0);
      if (options.start === 'bot-first') ensureConversation();
    }
    emit(open ? 'open' : 'close', {});
  }

  /** A message the visitor typed in another tab. */
  function showSharedMessage(shared: SharedUserMessage): void {
    if (state.messages.value.some((m) => m.id === shared.id)) return;
    const { sentParts, ...rest } = shared;
    addMessage(
      createMessage({
        ...rest,
        sender: 'user',
        history: false,
        delivery: 'sending',
        ...(sentParts ? { sentParts } : {}),
      }),
    );
  }

  function onReject(rejection: Rejection): void {
    rejected += 1;
    if (rejected <= 5)
      console.warn('[captivate-chat] ignored a frame from the hub:', rejection.reason, rejection.detail);
  }

  const fileActions = createFileActions({
    state,
    options,
    t,
    uploader: deps.uploader,
    fileLinks: deps.fileLinks,
    ensureConversation,
  });

  const api = {
    state,
    history,
    get rejectedFrames(): number {
      return rejected;
    },
    connect(): void {
      if (tabs) return;
      if (state.conversationId.value)
        emit('conversation', { conversationId: state.conversationId.value, isNew: false });
      // Open from the start (data-open, the iframe): the bot greets as soon as the socket is ready.
      if (state.open.value && options.start === 'bot-first') wantConversation = true;
      tabs = linkSession({
        options,
        storage,
        connect: deps.connect,
        onFrame: handler,
        onStatus: applyStatus,
        onUserMessage: showSharedMessage,
        onDelivery: setDelivery,
        onOpen: (open) => applyOpen(open, false),
        enqueue,
        send: (frame) => void send(frame),
        start: ensureConversation,
        resync() {
          // The new tab gets the conversation so far (the transcript is relayed) and the panel's state.
          delivery.requestTranscript();
          tabs?.tell({ t: 'open', open: state.open.value });
        },
        onReady,
        onReject,
        // An ordinary, read-only event: the gateway answers no protocol pings (docs/protocol.md §1).
        keepaliveFrame: () =>
          state.conversationId.value ? metadataRequest(state.conversationId.value) : null,
        onLeadership: () => delivery.reload(),
        setConnection: (c) => {
          connection = c;
        },
      });
    },
    setOpen(open: boolean): void {
      applyOpen(open, true);
    },
    /** Sends the composer's text with the finished attachments; `shown` replaces the text in the bubble. */
    sendText(text: string, shown?: string): boolean {
      const attachments = state.attachments.value;
      if (attachments.some((a) => a.status.value === 'uploading')) return false;
      const files = attachments.flatMap((a) => (a.status.value === 'done' && a.result ? [a.result] : []));
      const trimmed = text.trim();
      if (!trimmed && !files.length) return false;
      const { item, shared } = composeUserMessage(trimmed, shown, files, now());
      // Refuse what the gateway would refuse, before the visitor's text is lost in a close-and-retry loop.
      if (tooLargeToSend(item, state.conversationId.value)) {
        state.composerError.value = t('messageTooLong');
        return false;
      }
      batch(() => {
        state.composerError.value = undefined;
        state.attachments.value = [];
        showSharedMessage(shared);
        tabs?.tell({ t: 'user', message: shared });
      });
      enqueue(item);
      return true;
    },
    chooseReply(messageId: string, label: string, value: string): void {
      const message = state.messages.value.find((m) => m.id === messageId);
      if (!message || message.chosen.value !== undefined) return;
      message.chosen.value = label;
      this.sendText(value, label);
    },
    /** Retry on a message that could not be delivered. */
    retryMessage(id: string): void {
      delivery.retry(id);
      ensureConversation();
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
      metadata = { ...metadata, ...patch };
      if (state.conversationId.value) enqueue({ kind: 'metadata', id: newClientMsgId(), metadata: patch });
    },
    identify(next: UserIdentity): void {
      identity = { ...identity, ...next };
    },
    newConversation(): void {
      switchConversation(undefined);
      ensureConversation();
    },
    /** Shows another of the visitor's conversations (history): its transcript renders it. */
    openConversation(id: string): void {
      switchConversation(id);
      historyLoaded = false;
      send(transcriptRequest(id));
    },
    ...fileActions,
    retryConnection(): void {
      connection?.retry();
    },
    destroy(): void {
      tabs?.close();
      handler.reset();
      agent.dispose();
      history.dispose();
      startWatch.dispose();
      delivery.dispose();
      connection?.close();
      connection = undefined;
    },
  };
  return api;
}

export type ChatStore = ReturnType<typeof createChatStore>;
