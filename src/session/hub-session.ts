/**
 * The session of the tab that talks to the hub: one socket that receives (connection.ts), the outbox, the
 * conversation start, transcript requests and the 413 large-message fetch. How events go out is the
 * sender's business: over the same socket (`socketSender`) or as the send mode says (way-sender.ts). A sender
 * given as a Promise (a chunk still loading) is waited for before the socket opens; meanwhile items queue.
 *
 * Longer than most modules: it is where the socket, the outbox, the start and the sender meet.
 */
import {
  conversationStart,
  type InboundFrame,
  metadataRequest,
  newClientMsgId,
  transcriptRequest,
} from '../protocol';
import type { SafeStorage } from '../storage';
import { type Connection, type ConnectionOptions, createConnection } from '../transport/connection';
import { nextTask } from '../transport/next-task';
import { fetchLargeMessage, isLargeMessageLink } from './large-message';
import { type Carrier, createOutbox, type Outbox } from './outbox';
import { tooLargeToSend } from './outbox-item';
import { forgetStored, restoredMessages } from './outbox-storage';
import { loadingSender, type Sender, type SenderContext, type SenderFactory, socketSender } from './sender';
import type { Session, SessionListener, SessionStatus, StartRequest } from './session';
import { createStartWatch } from './start-watch';

/** How long after a keepalive an error is taken as its answer (the gateway answers within a round trip). */
const KEEPALIVE_ANSWER_MS = 5_000;

/** What a session needs of the widget's options (a subset of ChatOptions). */
export interface SessionOptions {
  apiKey: string;
  url: string;
  httpUrl?: string | undefined;
  uploadUrl?: string;
  start: 'bot-first' | 'user-first';
  keepaliveMs: number;
  maxRetries: number;
  /** How long a message may stay "sending" before it is failed with Retry. */
  sendTimeoutMs: number;
}

export interface HubSessionDeps {
  options: SessionOptions;
  storage: SafeStorage;
  connect?: (opts: ConnectionOptions) => Connection;
  now?: () => number;
  fetch?: typeof fetch;
}

export function createHubSession(
  deps: HubSessionDeps,
  makeSender: SenderFactory | Promise<SenderFactory> = socketSender,
): Session {
  const { options } = deps;
  let listener: SessionListener | undefined;
  let connection: Connection | undefined;
  let outbox: Outbox | undefined;
  /** A conversation the store asked for and has not got yet; asked again after a reconnect. */
  let wanted: StartRequest | undefined;
  let closed = false;
  const conversationId = (): string | undefined => listener?.conversationId();
  const now = deps.now ?? Date.now;
  /** When the last keepalive went out. */
  let keepaliveAt = Number.NEGATIVE_INFINITY;

  /**
   * An error right after a keepalive answers the keepalive: the gateway refusing a socket frame (a hub that
   * takes sends over HTTP only), or the hub taking the metadata request amiss. A keepalive is never the
   * visitor's business, so its answer neither shows nor ends the conversation; it is logged for developers.
   */
  function answersKeepalive(frame: InboundFrame): boolean {
    if (now() - keepaliveAt > KEEPALIVE_ANSWER_MS) return false;
    const error = frame.type === 'gateway_error' || (frame.type === 'general_error' && frame.code !== 413);
    if (error) console.debug('[captivate-chat] the hub answered a keepalive with an error:', frame);
    return error;
  }

  function deliver(frame: InboundFrame): void {
    if (frame.type === 'gateway_error' && frame.code === 'gateway_forbidden' && sender.gatewayRefused())
      return;
    if (answersKeepalive(frame)) return;
    if (isLargeMessageLink(frame)) {
      const scope = { hubUrl: options.url, httpUrl: options.httpUrl, uploadUrl: options.uploadUrl };
      void fetchLargeMessage(frame.messageLink, scope, options.apiKey, deps.fetch).then((answer) =>
        listener?.frame(answer),
      );
      return;
    }
    if (frame.type !== 'conversation_start_success') {
      listener?.frame(frame);
      return;
    }
    // One answer per start: a second one (a slow answer to a start that was sent again) is not switched to.
    if (conversationId() && !watch.waiting()) return;
    watch.settled();
    wanted = undefined;
    listener?.frame(frame);
    // The vendor's client greets by sending an empty text: the bot answers it, the widget never shows it.
    if (options.start === 'bot-first')
      session.enqueue({ kind: 'message', id: newClientMsgId(), text: '', untracked: true });
    outbox?.flush();
  }

  let status: SessionStatus = { state: 'connecting' };
  const report = (next: Omit<SessionStatus, 'sendMode' | 'sendingVia'>): void => {
    status = { ...next, ...sender.detail() };
    listener?.status(status);
  };

  const senderContext: SenderContext = {
    connection: () => connection,
    outbox: () => outbox,
    deliver,
    reject: (rejection) => listener?.reject(rejection),
    wayChanged(way, refused) {
      report(status);
      if (way === 'http') {
        // What went over the socket before the switch may have been refused: the transcript decides, and a
        // start waiting for its answer goes again over HTTP.
        outbox?.reconsider();
        watch.settled();
        sendStart();
      } else if (way === 'none') {
        outbox?.failUnsent();
        listener?.trouble({ code: 'refused', detail: refused ?? 'refused' });
      }
    },
  };
  let sender: Sender = typeof makeSender === 'function' ? makeSender(senderContext) : loadingSender;
  /** The outbox's view of the sender, whichever it is now. */
  const carrier: Carrier = {
    get answers() {
      return sender.carrier.answers;
    },
    send: (id, frame, text) => sender.carrier.send(id, frame, text),
  };

  const watch = createStartWatch({
    retry: () => sendStart(),
    giveUp() {
      // Nothing more is sent until something new needs a conversation (the store asks again).
      wanted = undefined;
      listener?.trouble({ code: 'start_timeout' });
    },
  });

  function sendStart(): void {
    if (!wanted || watch.waiting() || conversationId()) return;
    const { identity, metadata } = wanted;
    const frame = conversationStart(
      metadata && Object.keys(metadata).length ? { identity, metadata } : { identity },
    );
    if (sender.request(frame) === 'sent') watch.sent();
  }

  function connect(): void {
    connection = (deps.connect ?? createConnection)({
      url: options.url,
      apiKey: options.apiKey,
      keepaliveMs: options.keepaliveMs,
      maxRetries: options.maxRetries,
      // An ordinary, read-only event: the gateway answers no protocol pings (docs/protocol.md §1).
      // Without a conversation there is nothing to keep: the gateway may close the idle socket, and it opens
      // again (partysocket) when it is needed.
      keepaliveFrame: () => {
        const id = conversationId();
        if (!id) return null;
        keepaliveAt = now();
        return metadataRequest(id);
      },
      onFrame: deliver,
      ...(nextTask ? { nextTask } : {}),
      onReject: (rejection) => listener?.reject(rejection),
      onStatus(status) {
        if (status.state !== 'connected') {
          outbox?.onDisconnect();
          sender.onDown();
        }
        report(status);
      },
      onReady(socketId) {
        watch.settled();
        sender.onReady(socketId);
        // Every (re)connect reads the transcript: history after a reload, replies missed while the socket
        // was down, and messages whose socket died under them.
        outbox?.onReady();
        if (conversationId()) outbox?.requestTranscript();
        sendStart();
        listener?.ready();
      },
    });
  }

  const session: Session = {
    open(l) {
      listener = l;
      outbox = createOutbox({
        storage: deps.storage,
        carrier,
        conversationId,
        requestTranscript() {
          const id = conversationId();
          return !!id && sender.request(transcriptRequest(id)) === 'sent';
        },
        setState: (id, state) => listener?.delivery(id, state),
        onTranscriptUnavailable: () => listener?.trouble({ code: 'transcript_unavailable' }),
        sendTimeoutMs: options.sendTimeoutMs,
        ...(deps.now ? { now: deps.now } : {}),
      });
      if (typeof makeSender === 'function') connect();
      else
        void makeSender.then((factory) => {
          if (closed) return;
          sender = factory(senderContext);
          connect();
        });
    },
    enqueue(item) {
      if (tooLargeToSend(item, conversationId())) return 'too_large';
      if (sender.detail().sendingVia === 'none') return 'refused';
      outbox?.enqueue(item);
      return 'queued';
    },
    retry: (id) => outbox?.retry(id),
    startConversation(request) {
      wanted = request;
      sendStart();
    },
    request: (frame) => sender.request(frame),
    requestTranscript: () => outbox?.requestTranscript(),
    pending: () => outbox?.pending() ?? new Set(),
    settle: (confirmed, missing) => outbox?.settle(confirmed, missing),
    conversationLost() {
      watch.settled();
      outbox?.failAll();
    },
    forget: (id) => (outbox ? outbox.forget(id) : forgetStored(deps.storage, id)),
    restored: (id) => restoredMessages(deps.storage, id, now()),
    share() {},
    reconnect: () => connection?.retry(),
    close() {
      closed = true;
      watch.dispose();
      outbox?.dispose();
      connection?.close();
      connection = undefined;
    },
  };
  return session;
}
