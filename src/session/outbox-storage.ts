/**
 * The outbox as stored (one per site and key), so a reload or the next leading tab resumes it. Whatever was
 * in flight when it was stored went out on a socket that is gone. Also how long an item is kept: it
 * expires a day after the visitor asked for it to go, and goes with its conversation when that is deleted.
 */
import type { SafeStorage } from '../storage';
import type { OutboxItem } from './outbox-item';
import type { RestoredMessage } from './session';

export type TrackedItem = OutboxItem & {
  status: 'queued' | 'inflight' | 'failed';
  /** When the visitor asked for it to go: typed it, or pressed Retry (epoch ms). Its age counts from here. */
  queuedAt: number;
  /** How often it has been sent. */
  attempts: number;
  /** When it is failed if still not delivered (epoch ms). */
  deadline: number;
  /** The socket it last went out on, and when. Not meaningful after a reload: every socket is new. */
  epoch?: number;
  sentAt?: number;
  /** Sent on a carrier that answers each send (HTTP): in flight until that answer, not until a transcript. */
  answered?: boolean;
  /** Failed after it went out, without word of whether the hub has it: Retry asks the transcript first. */
  unsure?: boolean;
  untracked?: boolean;
  display?: string;
};

interface StoredOutbox {
  conversationId: string | null;
  items: TrackedItem[];
}

const OUTBOX_KEY = 'outbox';

/**
 * How long an item not delivered is kept: a day from when the visitor asked for it to go. A message that
 * does not go within `send-timeout-ms` is shown failed, with Retry, and so it is after a reload: a visitor
 * who closed the tab during an outage finds the same day what did not go. Past a day it is dropped, never
 * sent: what they typed yesterday must not turn up in today's conversation, nor stay in this browser's
 * storage (a shared computer) for ever. Retry is a fresh ask, so it starts the day again.
 */
export const MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Whether an item is past its age: then it is never sent, and dropped when read. An item without the time
 * (stored before it was kept) counts as expired: its age is unknown, and such items are exactly those that
 * may have lain here for months; at worst a message typed just before the update is not resumed. A time
 * more than a day ahead is no widget's writing (or the clock went back a day): expired too.
 */
export const expired = (item: { queuedAt?: unknown }, now: number): boolean =>
  !(typeof item.queuedAt === 'number' && Math.abs(now - item.queuedAt) < MAX_AGE_MS);

/**
 * What a forget takes (destroy(), deletes; a logout would too): without a conversation, everything; with
 * one, the outbox only when it holds that conversation's items. The outbox is one conversation's at a time:
 * the one it sends into, recorded with it when stored.
 */
export const forgets = (forgotten: string | undefined, held: string | undefined): boolean =>
  forgotten === undefined || forgotten === held;

const isStoredOutbox = (v: unknown): v is StoredOutbox =>
  !!v &&
  typeof v === 'object' &&
  'items' in v &&
  Array.isArray(v.items) &&
  v.items.every((i) => i && typeof i.id === 'string' && typeof i.kind === 'string');

/** The stored outbox without its expired items, which are dropped from storage too: no later read finds them. */
export function readOutbox(
  storage: SafeStorage,
  now: number,
): {
  conversationId: string | undefined;
  items: TrackedItem[];
} {
  const stored = storage.get(OUTBOX_KEY, isStoredOutbox);
  const conversationId = stored?.conversationId ?? undefined;
  const items = (stored?.items ?? []).filter((i) => !expired(i, now));
  if (stored && items.length < stored.items.length) saveOutbox(storage, conversationId, items);
  return {
    conversationId,
    items: items.map((i) => ({ ...i, epoch: -1, deadline: i.deadline ?? 0 })),
  };
}

export function saveOutbox(
  storage: SafeStorage,
  conversationId: string | undefined,
  items: readonly TrackedItem[],
): void {
  if (items.length === 0) storage.remove(OUTBOX_KEY);
  else storage.set(OUTBOX_KEY, { conversationId: conversationId ?? null, items });
}

/** Removes the stored outbox when a forget takes it (`forgets`): for a tab that holds no outbox itself. */
export function forgetStored(storage: SafeStorage, conversationId: string | undefined): void {
  const stored = storage.get(OUTBOX_KEY, isStoredOutbox);
  if (stored && forgets(conversationId, stored.conversationId ?? undefined)) storage.remove(OUTBOX_KEY);
}

/**
 * The visitor messages of the stored outbox, as a page load shows them (expired ones are gone). Messages
 * stored for another conversation (it ended, a new one began while away) are offered with Retry, never sent
 * into it silently.
 */
export function restoredMessages(
  storage: SafeStorage,
  conversationId: string | undefined,
  now: number,
): RestoredMessage[] {
  const stored = readOutbox(storage, now);
  const moved = stored.conversationId !== conversationId;
  return stored.items.flatMap((i) =>
    i.kind === 'message' && !i.untracked ? [{ ...i, status: moved ? ('failed' as const) : i.status }] : [],
  );
}
