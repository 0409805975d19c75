/**
 * The outbox as stored (one per site and key), so a reload or the next leading tab resumes it. Whatever was
 * in flight when it was stored went out on a socket that is gone.
 */
import type { SafeStorage } from '../storage';
import type { OutboxItem } from './outbox-item';
import type { RestoredMessage } from './session';

export type TrackedItem = OutboxItem & {
  status: 'queued' | 'inflight' | 'failed';
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

const isStoredOutbox = (v: unknown): v is StoredOutbox =>
  !!v &&
  typeof v === 'object' &&
  'items' in v &&
  Array.isArray(v.items) &&
  v.items.every((i) => i && typeof i.id === 'string' && typeof i.kind === 'string');

export function readOutbox(storage: SafeStorage): {
  conversationId: string | undefined;
  items: TrackedItem[];
} {
  const stored = storage.get(OUTBOX_KEY, isStoredOutbox);
  return {
    conversationId: stored?.conversationId ?? undefined,
    items: (stored?.items ?? []).map((i) => ({ ...i, epoch: -1, deadline: i.deadline ?? 0 })),
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

/**
 * The visitor messages of the stored outbox, as a page load shows them. Messages stored for another
 * conversation (it ended, a new one began while away) are offered with Retry, never sent into it silently.
 */
export function restoredMessages(
  storage: SafeStorage,
  conversationId: string | undefined,
): RestoredMessage[] {
  const stored = readOutbox(storage);
  const moved = stored.conversationId !== conversationId;
  return stored.items.flatMap((i) =>
    i.kind === 'message' && !i.untracked ? [{ ...i, status: moved ? ('failed' as const) : i.status }] : [],
  );
}
