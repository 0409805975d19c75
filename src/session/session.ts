/**
 * The one port the store talks to (docs/architecture.md §1). The store hands it what the visitor sends and
 * the requests it makes; frames, the connection status and delivery states come back through the listener.
 * Which implementation runs (socket, HTTP sends beside the socket, a proxy to the leading tab) is chosen in
 * `embed/`; the store never knows.
 */
import type { InboundFrame, MessagePart, OutboundFrame, Rejection, UserIdentity } from '../protocol';
import type { ConnectionState, SendResult } from '../transport/connection';
import type { SendMode, SendWay } from '../transport/send-mode';
import type { OutboxItem } from './outbox-item';

export interface SessionStatus {
  state: ConnectionState;
  /** With `reconnecting`: when the next attempt starts. */
  retryInMs?: number;
  /** The configured send mode, and the way events go now (`none`: the hub refuses them both ways). */
  sendMode?: SendMode;
  sendingVia?: SendWay | 'none';
}

export type { SendMode, SendResult, SendWay };

export type EnqueueResult = 'queued' | 'too_large' | 'refused';

export type DeliveryState = 'sending' | 'sent' | 'failed';

/** What the composer queues: an outbox item, optionally shown differently and never confirmed. */
export type QueuedItem = OutboxItem & {
  /** Fire-and-forget messages (the empty bot-first greeting request) are never in transcripts. */
  untracked?: boolean;
  /** Shown text when it differs from the sent text (quick replies). */
  display?: string;
};

/** A visitor message still in the stored outbox after a reload, to show until it settles. */
export type RestoredMessage = Extract<OutboxItem, { kind: 'message' }> & {
  display?: string;
  status: 'queued' | 'inflight' | 'failed';
};

export interface StartRequest {
  identity: UserIdentity;
  metadata?: Record<string, unknown>;
}

/** A message the visitor typed, as every tab shows it. */
export interface SharedUserMessage {
  id: string;
  parts: MessagePart[];
  sentParts?: MessagePart[];
  at: number;
}

/**
 * What the session could not do, for the visitor and the host to hear: `start_timeout`, no answer to any
 * `conversation_start`; `refused`, the hub takes events neither over the socket nor over HTTP;
 * `transcript_unavailable`, no transcript request was answered (tries with backoff, then given up).
 */
export type SessionTrouble =
  | { code: 'start_timeout' }
  | { code: 'refused'; detail: string }
  | { code: 'transcript_unavailable' };

/** What the store of one tab tells the stores of the others. */
export type TabNote =
  | { t: 'user'; message: SharedUserMessage }
  | { t: 'open'; open: boolean }
  /** The visitor logged out (`reset()`): every tab forgets them. */
  | { t: 'reset' };

export interface SessionListener {
  /** The conversation the visitor is in: queued items are sent into it. */
  conversationId(): string | undefined;
  frame(frame: InboundFrame): void;
  status(status: SessionStatus): void;
  /** The session can send again (a fresh `socket_connected`): wanted conversations may start now. */
  ready(): void;
  delivery(id: string, state: DeliveryState): void;
  trouble(trouble: SessionTrouble): void;
  /** A frame the decoder refused: counted and logged, never shown. */
  reject(rejection: Rejection): void;
  /** Another tab's store said something (tabs only). */
  note?(note: TabNote): void;
  /** A new tab joined: tell it what only the store knows (tabs only). */
  joined?(): void;
}

export interface Session {
  /** Connects (or joins the leading tab) and starts reporting to `listener`. */
  open(listener: SessionListener): void;
  /**
   * Queues an item for exactly-once delivery; refused at once when the hub could never take it (too large),
   * or takes no events at all (`refused`, after the visitor was told).
   */
  enqueue(item: QueuedItem): EnqueueResult;
  /** The visitor's Retry on a failed message. */
  retry(id: string): void;
  /** Asks for a conversation; at most one start is in flight, and a wanted one is asked again after a reconnect. */
  startConversation(request: StartRequest): void;
  /** A one-off request (history, metadata, another conversation's transcript). */
  request(frame: OutboundFrame): SendResult;
  /** Reads the current conversation's transcript again (once at a time). */
  requestTranscript(): void;
  /** Ids a transcript can settle: queued, in flight or failed. */
  pending(): ReadonlySet<string>;
  /** What a transcript showed: confirmed ids are delivered, missing ones are sent again or failed. */
  settle(confirmed: readonly string[], missing: readonly string[]): void;
  /** The conversation is gone: nothing queued for it may go into the next one unasked. */
  conversationLost(): void;
  /**
   * Drops what waits for `conversationId` (queued, in flight or failed), stored too and in every tab of the
   * site: it is never sent or restored. Without an id, everything (destroy(), "delete all"; a logout too).
   */
  forget(conversationId?: string): void;
  /** Messages of `conversationId` still in the stored outbox (after a reload). */
  restored(conversationId: string | undefined): RestoredMessage[];
  /** Tells the other tabs (no-op without tabs). */
  share(note: TabNote): void;
  /** Starts over after the connection gave up. */
  reconnect(): void;
  close(): void;
}
