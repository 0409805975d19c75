/**
 * The widget's store: signals for the UI and the actions the UI and the JS API call. It owns the session
 * flow on top of the connection: start or resume a conversation once the socket is ready, flush the outbox,
 * and hand every inbound frame to the frame handler.
 *
 * Conversations start lazily: bot-first when the panel first opens (so the greeting is seen), user-first on
 * the first thing the visitor sends. Merely loading the widget never creates an empty conversation.
 */
import { batch } from '@preact/signals';
import { formatBytes, type StringKey } from '../i18n';
import {
  conversationStart,
  newClientMsgId,
  type OutboundFrame,
  transcriptRequest,
  type UserIdentity,
} from '../protocol';
import type { SafeStorage } from '../storage';
import {
  type Connection,
  type ConnectionOptions,
  createConnection,
  exceedsFrameLimit,
} from '../transport/connection';
import { createOutbox, itemToFrame, type OutboxItem } from '../transport/outbox';
import type { Uploader } from '../upload';
import { admitFiles, releaseAttachment, uploadAttachment } from './attachments';
import type { Emit } from './events';
import { createFrameHandler } from './frame-handler';
import { createMessage, isVisible, messageText } from './messages';
import type { ChatOptions } from './options';
import { createState } from './state';

export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

export interface StoreDeps {
  options: ChatOptions;
  storage: SafeStorage;
  uploader: Uploader;
  t: Translate;
  emit: Emit;
  connect?: (opts: ConnectionOptions) => Connection;
  now?: () => number;
}

const CONVERSATION_KEY = 'conversation';
const MAX_ATTACHMENTS = 5;
/** Stands in for a conversation id not yet known when measuring a frame: as long as the hub's UUIDs. */
const PLACEHOLDER_CONVERSATION_ID = '00000000-0000-4000-8000-000000000000';
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export function createChatStore(deps: StoreDeps) {
  const { options, storage, t, emit } = deps;
  const now = deps.now ?? Date.now;
  const state = createState(options.open);
  let identity: UserIdentity = { ...options.user };
  let metadata: Record<string, unknown> = { ...options.metadata };
  let connection: Connection | undefined;
  let startInFlight = false;
  let wantConversation = false;
  let transcriptPending = false;
  const outbox = createOutbox();

  const stored = storage.get(CONVERSATION_KEY, isString);
  if (stored) state.conversationId.value = stored;

  function send(frame: OutboundFrame): 'sent' | 'not_ready' | 'too_large' {
    return connection ? connection.send(frame) : 'not_ready';
  }

  function addMessage(message: ReturnType<typeof createMessage>): void {
    state.messages.value = [...state.messages.value, message];
    if (!message.history && message.sender !== 'user' && !state.open.value) {
      state.unread.value += 1;
      emit('unread', { count: state.unread.value });
    }
    if (!isVisible(message.parts) && message.sender !== 'system') return;
    emit('message', {
      id: message.id,
      sender: message.sender,
      text: messageText(message.parts),
      parts: message.parts,
      conversationId: state.conversationId.value,
      at: message.at,
      history: message.history,
    });
  }

  function notice(text: string, tone: 'info' | 'error' = 'info'): void {
    addMessage(
      createMessage({
        id: `sys-${newClientMsgId()}`,
        sender: 'system',
        parts: [{ kind: 'text', text }],
        at: now(),
        history: false,
        tone,
      }),
    );
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
    if (state.conversationId.value || startInFlight || !connection?.ready) return;
    const payload = Object.keys(metadata).length ? { identity, metadata } : { identity };
    if (send(conversationStart(payload)) === 'sent') startInFlight = true;
  }

  function flush(): void {
    const conversationId = state.conversationId.value;
    if (!conversationId || !connection?.ready) return;
    const { sent, tooLarge } = outbox.flush((item) => send(itemToFrame(item, conversationId)));
    for (const id of sent) setDelivery(id, 'sent');
    for (const id of tooLarge) {
      setDelivery(id, 'failed');
      state.composerError.value = t('messageTooLong');
    }
  }

  function setDelivery(id: string, value: 'sending' | 'sent' | 'failed'): void {
    const message = state.messages.value.find((m) => m.id === id);
    if (message?.delivery) message.delivery.value = value;
  }

  function enqueue(item: OutboxItem): void {
    outbox.add(item);
    ensureConversation();
    flush();
  }

  const handler = createFrameHandler({
    state,
    options,
    t,
    emit,
    now,
    addMessage,
    notice,
    send,
    onConversationStarted(id) {
      startInFlight = false;
      batch(() => setConversation(id, true));
      if (options.start === 'bot-first') {
        // The vendor's client greets by sending an empty text: the bot answers it, the widget never shows it.
        enqueue({ kind: 'message', id: newClientMsgId(), text: '' });
      }
      flush();
    },
    onConversationLost() {
      startInFlight = false;
      setConversation(undefined, false);
      ensureConversation();
    },
    onTranscript() {
      transcriptPending = false;
    },
  });

  function onReady(): void {
    startInFlight = false;
    const conversationId = state.conversationId.value;
    if (conversationId && state.messages.value.length === 0 && !transcriptPending) {
      transcriptPending = true;
      send(transcriptRequest(conversationId));
    }
    if (wantConversation || outbox.items().length) ensureConversation();
    flush();
  }

  return {
    state,
    connect(): void {
      if (connection) return;
      if (state.conversationId.value)
        emit('conversation', { conversationId: state.conversationId.value, isNew: false });
      // Open from the start (data-open, the iframe): the bot greets as soon as the socket is ready.
      if (state.open.value && options.start === 'bot-first') wantConversation = true;
      connection = (deps.connect ?? createConnection)({
        url: options.url,
        apiKey: options.apiKey,
        onFrame: handler,
        onReady,
        onStatus(status) {
          state.connection.value = status;
          emit(
            'status',
            status.retryInMs === undefined
              ? { state: status.state }
              : { state: status.state, retryInMs: status.retryInMs },
          );
        },
      });
    },
    setOpen(open: boolean): void {
      if (state.open.value === open) return;
      state.open.value = open;
      if (open) {
        if (state.unread.value) {
          state.unread.value = 0;
          emit('unread', { count: 0 });
        }
        if (options.start === 'bot-first') ensureConversation();
      }
      emit(open ? 'open' : 'close', {});
    },
    sendText(text: string, display?: string): boolean {
      const attachments = state.attachments.value;
      if (attachments.some((a) => a.status.value === 'uploading')) return false;
      const files = attachments.flatMap((a) => (a.status.value === 'done' && a.result ? [a.result] : []));
      const trimmed = text.trim();
      if (!trimmed && !files.length) return false;
      const id = newClientMsgId();
      const parts = [
        ...(trimmed ? [{ kind: 'text' as const, text: display ?? trimmed }] : []),
        ...(files.length
          ? [
              {
                kind: 'files' as const,
                files: attachments.flatMap((a) =>
                  a.result
                    ? [
                        {
                          url: a.result.url ?? a.result.storage?.presignedUrl ?? '',
                          name: a.name,
                          mimeType: a.type,
                          kind: a.type.startsWith('image/') ? ('image' as const) : ('file' as const),
                          size: a.size,
                        },
                      ]
                    : [],
                ),
              },
            ]
          : []),
      ];
      const item: OutboxItem = { kind: 'message', id, text: trimmed, ...(files.length ? { files } : {}) };
      // Refuse what the gateway would refuse, before the visitor's text is lost in a close-and-retry loop.
      if (exceedsFrameLimit(itemToFrame(item, state.conversationId.value ?? PLACEHOLDER_CONVERSATION_ID))) {
        state.composerError.value = t('messageTooLong');
        return false;
      }
      batch(() => {
        state.composerError.value = undefined;
        state.attachments.value = [];
        addMessage(
          createMessage({ id, sender: 'user', parts, at: now(), history: false, delivery: 'sending' }),
        );
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
    sendAction(actionId: string, data: Record<string, unknown> = {}): void {
      enqueue({ kind: 'action', id: newClientMsgId(), actionId, data });
    },
    escalate(): void {
      if (state.agent.value.phase !== 'none') return;
      state.agent.value = { phase: 'waiting' };
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
      handler.reset();
      batch(() => {
        state.messages.value = [];
        state.agent.value = { phase: 'none' };
        setConversation(undefined, false);
      });
      startInFlight = false;
      ensureConversation();
    },
    attachFiles(files: readonly File[]): void {
      const rules = { accept: options.accept, maxBytes: options.maxFileSize, maxFiles: MAX_ATTACHMENTS };
      const { accepted, rejected } = admitFiles(files, state.attachments.value.length, rules);
      state.composerError.value = rejected.length
        ? rejected
            .map((r) =>
              t(
                r.reason === 'too_large'
                  ? 'fileTooLarge'
                  : r.reason === 'type'
                    ? 'fileTypeNotSupported'
                    : 'tooManyFiles',
                {
                  name: r.name,
                  size: formatBytes(r.size),
                  limit: formatBytes(options.maxFileSize),
                  max: MAX_ATTACHMENTS,
                },
              ),
            )
            .join(' ')
        : undefined;
      if (!accepted.length) return;
      state.attachments.value = [...state.attachments.value, ...accepted];
      ensureConversation();
      void whenConversation().then((conversationId) => {
        for (const attachment of accepted) {
          void uploadAttachment(attachment, deps.uploader, conversationId, (name) =>
            t('fileUploadFailed', { name }),
          );
        }
      });
    },
    removeAttachment(id: string): void {
      const found = state.attachments.value.find((a) => a.id === id);
      if (found) releaseAttachment(found);
      state.attachments.value = state.attachments.value.filter((a) => a.id !== id);
    },
    retryConnection(): void {
      connection?.retry();
    },
    destroy(): void {
      handler.reset();
      connection?.close();
      connection = undefined;
    },
  };

  function whenConversation(): Promise<string> {
    return new Promise((resolve) => {
      const existing = state.conversationId.value;
      if (existing) return resolve(existing);
      const stop = state.conversationId.subscribe((id) => {
        if (id) {
          queueMicrotask(() => stop());
          resolve(id);
        }
      });
    });
  }
}

export type ChatStore = ReturnType<typeof createChatStore>;
