/**
 * Exactly-once delivery of the visitor's messages over a hub that sends no acknowledgements (docs/protocol.md §8).
 *
 * Every message, action and metadata update waits in a persisted outbox, keyed by `client_msg_id`, and is
 * sent in order when the socket is ready. A sent message stays "in flight" until a transcript shows it.
 * A frame handed to a socket that later died may or may not have reached the hub, so:
 *   - after a reconnect nothing new is sent until the transcript has been read: in-flight messages it shows
 *     are confirmed, the ones it lacks are sent again (same id), then the queue continues in order;
 *   - a message missing from a transcript while the socket it went out on is still open is only late, not
 *     lost: it is checked again, and after CONFIRM_GIVE_UP_MS on a live socket it counts as delivered.
 * Actions and metadata leave no trace in transcripts: they are done once the socket accepts them.
 * The outbox is stored, so a reload resumes it; a message that cannot be delivered ends "failed", with Retry.
 *
 * A state machine with several timers, hence longer than most modules.
 */
import type { OutboundFrame } from '../protocol';
import type { SafeStorage } from '../storage';
import type { SendResult } from '../transport/connection';
import { itemToFrame, type OutboxItem } from '../transport/outbox';
import type { DeliveryState } from './messages';

export type TrackedItem = OutboxItem & {
  status: 'queued' | 'inflight' | 'failed';
  /** How often it has been sent. */
  attempts: number;
  /** The socket it last went out on (see `epoch`), and when. Not stored: after a reload every socket is new. */
  epoch?: number;
  sentAt?: number;
  /** Fire-and-forget messages (the empty bot-first greeting request) are never in transcripts. */
  untracked?: boolean;
  /** Shown text when it differs from the sent text (quick replies). */
  display?: string;
};

type MessageItem = Extract<TrackedItem, { kind: 'message' }>;

export interface DeliveryDeps {
  storage: SafeStorage;
  send(frame: OutboundFrame): SendResult;
  conversationId(): string | undefined;
  sendTranscriptRequest(): boolean;
  setState(id: string, state: DeliveryState): void;
  onTooLarge(id: string): void;
  now?: () => number;
}

const OUTBOX_KEY = 'outbox';
export const MAX_ATTEMPTS = 5;
const CONFIRM_DELAY_MS = 1500;
const CONFIRM_GIVE_UP_MS = 30_000;

interface StoredOutbox {
  conversationId: string | null;
  items: TrackedItem[];
}

const isStoredOutbox = (v: unknown): v is StoredOutbox =>
  !!v &&
  typeof v === 'object' &&
  Array.isArray((v as StoredOutbox).items) &&
  (v as StoredOutbox).items.every((i) => i && typeof i.id === 'string' && typeof i.kind === 'string');

export function createDelivery(deps: DeliveryDeps) {
  const now = deps.now ?? Date.now;
  const stored = deps.storage.get(OUTBOX_KEY, isStoredOutbox);
  // A reload: whatever was in flight went out on a socket that is gone.
  const fromStorage = (outbox: StoredOutbox | undefined): TrackedItem[] =>
    (outbox?.items ?? []).map((i) => ({ ...i, epoch: -1 }));
  let items: TrackedItem[] = fromStorage(stored);
  const storedConversation = stored?.conversationId ?? undefined;
  let epoch = 0;
  let ready = false;
  let holding = items.some((i) => i.status === 'inflight');
  let transcriptOutstanding = false;
  let confirmTimer: ReturnType<typeof setTimeout> | undefined;

  function save(): void {
    if (items.length === 0) deps.storage.remove(OUTBOX_KEY);
    else deps.storage.set(OUTBOX_KEY, { conversationId: deps.conversationId() ?? null, items });
  }

  function requestTranscript(): void {
    if (transcriptOutstanding || !ready) return;
    transcriptOutstanding = deps.sendTranscriptRequest();
  }

  function scheduleConfirm(): void {
    clearTimeout(confirmTimer);
    if (!items.some((i) => i.status === 'inflight')) return;
    confirmTimer = setTimeout(requestTranscript, CONFIRM_DELAY_MS);
  }

  function flush(): void {
    const conversationId = deps.conversationId();
    if (!ready || holding || !conversationId) return;
    let changed = false;
    for (const item of items) {
      if (item.status !== 'queued') continue;
      const result = deps.send(itemToFrame(item, conversationId));
      if (result === 'not_ready') break;
      changed = true;
      if (result === 'too_large') {
        item.status = 'failed';
        deps.setState(item.id, 'failed');
        deps.onTooLarge(item.id);
      } else if (item.kind === 'message' && !item.untracked) {
        Object.assign(item, { status: 'inflight', attempts: item.attempts + 1, epoch, sentAt: now() });
      } else {
        item.status = 'inflight';
        item.untracked = true; // done: removed below
      }
    }
    if (!changed) return;
    items = items.filter((i) => !(i.status === 'inflight' && i.untracked));
    save();
    scheduleConfirm();
  }

  return {
    /** Items restored from storage that belong to the current conversation, to show while they are resent. */
    restored(conversationId: string | undefined): MessageItem[] {
      if (storedConversation !== conversationId) {
        // The conversation changed while away (400, new conversation): offer them again, never send silently.
        for (const i of items) if (i.kind === 'message') i.status = 'failed';
        items = items.filter((i) => i.kind === 'message' && !i.untracked);
        holding = false;
        save();
      }
      return items.filter((i): i is MessageItem => i.kind === 'message' && !i.untracked);
    },
    /** Takes over the stored outbox (this tab just became the one that sends: another tab wrote it). */
    reload(): void {
      items = fromStorage(deps.storage.get(OUTBOX_KEY, isStoredOutbox));
      holding = items.some((i) => i.status === 'inflight');
    },
    enqueue(item: OutboxItem & { untracked?: boolean; display?: string }): void {
      if (items.some((i) => i.id === item.id)) return;
      items.push({ ...item, status: 'queued', attempts: 0 });
      save();
      flush();
    },
    /** The socket is ready (again). */
    onReady(): void {
      ready = true;
      epoch += 1;
      transcriptOutstanding = false;
      if (items.some((i) => i.status === 'inflight')) {
        holding = true;
        requestTranscript();
      } else {
        flush();
      }
    },
    onDisconnect(): void {
      ready = false;
      transcriptOutstanding = false;
      clearTimeout(confirmTimer);
    },
    /** Ids the next transcript can settle: sent and not yet confirmed. */
    pending(): Set<string> {
      return new Set(items.filter((i) => i.status === 'inflight' || i.status === 'queued').map((i) => i.id));
    },
    onTranscript(confirmed: readonly string[], missing: readonly string[]): void {
      transcriptOutstanding = false;
      const done = new Set(confirmed);
      for (const id of confirmed) deps.setState(id, 'sent');
      for (const item of items) {
        if (!missing.includes(item.id) || item.status !== 'inflight') continue;
        const lost = item.epoch !== epoch;
        const late = !lost && now() - (item.sentAt ?? 0) > CONFIRM_GIVE_UP_MS;
        if (late) {
          // Went out on a socket that is still open and never closed: delivered, but the hub does not list it.
          done.add(item.id);
          deps.setState(item.id, 'sent');
        } else if (lost && item.attempts >= MAX_ATTEMPTS) {
          item.status = 'failed';
          deps.setState(item.id, 'failed');
        } else if (lost) {
          item.status = 'queued';
        }
      }
      items = items.filter((i) => !done.has(i.id));
      holding = false;
      save();
      flush();
      scheduleConfirm();
    },
    /** The visitor's Retry on a failed message. */
    retry(id: string): void {
      const item = items.find((i) => i.id === id && i.status === 'failed');
      if (!item) return;
      item.status = 'queued';
      item.attempts = 0;
      deps.setState(id, 'sending');
      save();
      flush();
    },
    /** The conversation is gone (400): nothing queued for it may be sent into the next one unasked. */
    failAll(): string[] {
      const failed = items.filter((i) => i.kind === 'message' && !i.untracked);
      for (const i of failed) {
        i.status = 'failed';
        deps.setState(i.id, 'failed');
      }
      items = failed;
      holding = false;
      save();
      return failed.map((i) => i.id);
    },
    flush,
    requestTranscript,
    hasQueued: (): boolean => items.some((i) => i.status === 'queued'),
    dispose(): void {
      clearTimeout(confirmTimer);
    },
  };
}

export type Delivery = ReturnType<typeof createDelivery>;
