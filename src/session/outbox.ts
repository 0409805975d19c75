/**
 * Exactly-once delivery of the visitor's messages (docs/protocol.md §7), whatever carries them.
 *
 * Every message, action and metadata update waits here, keyed by `client_msg_id`, stored, and is sent in order
 * when the carrier is ready and a conversation exists. Confirmation depends on the carrier:
 *   - the socket answers nothing, so a sent message stays in flight until a transcript shows it. After a
 *     reconnect nothing new is sent until the transcript has been read: in-flight messages it shows are
 *     confirmed, those it lacks went out on a dead socket and are sent again (same id). A message missing
 *     while its socket still lives is only late: it is checked again, never resent;
 *   - HTTP answers each send (`answer`): 2xx confirms, a refusal fails it, 429/5xx waits and resends (after
 *     the transcript says whether it arrived), a lost answer is settled by the transcript like a dead socket.
 *     One is sent at a time, so the hub files them in order.
 * Nothing stays "sending" for ever: an item not delivered within `sendTimeoutMs` is failed, with Retry, and one
 * whose time ran out while no page held it is failed on load, never sent. A transcript request that gets no
 * answer is asked again with backoff, then given up on: messages it would have settled are failed (resending
 * blind could show one twice), and new ones go out. Nothing is sent past its age (outbox-storage.ts), and
 * `forget` drops a deleted conversation's items (destroy(), deletes).
 *
 * A state machine with several timers, hence longer than most modules.
 */
import type { OutboundFrame } from '../protocol';
import { serialize } from '../protocol';
import type { SafeStorage } from '../storage';
import { itemToFrame } from './outbox-item';
import { expired, forgets, readOutbox, saveOutbox, type TrackedItem } from './outbox-storage';
import type { DeliveryState, QueuedItem } from './session';

export interface Carrier {
  /** Hands one frame to the hub; `not_ready`: try again at the next flush. */
  send(id: string, frame: OutboundFrame, text: string): 'sent' | 'not_ready';
  /** Whether every send is answered (`answer`), rather than confirmed by a transcript. */
  readonly answers: boolean;
}

/**
 * What became of a send on an answering carrier: delivered; refused (the visitor sees it failed, with Retry);
 * to be sent again at once (it never reached the hub: another way, a new socket id); or to be sent again
 * after a while, once the transcript has said whether it arrived.
 */
export type Answer = 'ok' | 'refused' | 'resend' | { retryInMs: number; mayHaveArrived: boolean };

export interface OutboxDeps {
  storage: SafeStorage;
  carrier: Carrier;
  conversationId(): string | undefined;
  /** Asks for the current conversation's transcript; false when it could not be asked now. */
  requestTranscript(): boolean;
  /** Every transcript request went unanswered: the history on screen is what this device kept. */
  onTranscriptUnavailable?(): void;
  /** A delivery state: visitor messages are shown with theirs; actions and metadata only report `sent`. */
  setState(id: string, state: DeliveryState): void;
  sendTimeoutMs: number;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => () => void;
}

export const MAX_ATTEMPTS = 5;
export const CONFIRM_DELAY_MS = 1500;
export const TRANSCRIPT_TIMEOUT_MS = 5000;
export const TRANSCRIPT_TRIES = 3;

const defaultTimer = (run: () => void, ms: number): (() => void) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export function createOutbox(deps: OutboxDeps) {
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? defaultTimer;
  const stored = readOutbox(deps.storage, now());
  let items = stored.items;
  if (stored.conversationId !== deps.conversationId()) {
    // The conversation changed while away: offer its messages again, never send them silently.
    items = items.filter((i) => i.kind === 'message' && !i.untracked);
    for (const i of items) i.status = 'failed';
  }
  let epoch = 0;
  let ready = false;
  let holding = items.some((i) => i.status === 'inflight');
  let outstanding = false;
  let misses = 0;
  let pausedUntil = 0;
  const timers: Record<'confirm' | 'transcript' | 'deadline' | 'pause', (() => void) | undefined> = {
    confirm: undefined,
    transcript: undefined,
    deadline: undefined,
    pause: undefined,
  };
  const arm = (name: keyof typeof timers, run: () => void, ms: number): void => {
    timers[name]?.();
    timers[name] = setTimer(run, Math.max(0, ms));
  };
  const disarm = (name: keyof typeof timers): void => {
    timers[name]?.();
    timers[name] = undefined;
  };
  const shown = (i: TrackedItem): boolean => i.kind === 'message' && !i.untracked;
  /** Sent, and its fate unknown: its socket died, or its answer never came. */
  const lost = (i: TrackedItem): boolean =>
    i.status === 'inflight' && (i.answered ? i.epoch === -1 : i.epoch !== epoch);

  function save(): void {
    saveOutbox(deps.storage, deps.conversationId(), items);
    armDeadline();
  }

  /** `unsure` unless said otherwise: what fails in flight may have reached the hub. */
  function fail(item: TrackedItem, unsure = item.status === 'inflight'): void {
    item.status = 'failed';
    item.unsure = unsure;
    if (shown(item)) deps.setState(item.id, 'failed');
  }

  function armDeadline(): void {
    const open = items.filter((i) => i.status !== 'failed');
    if (open.length) arm('deadline', expire, Math.min(...open.map((i) => i.deadline)) - now());
    else disarm('deadline');
  }

  function expire(): void {
    const due = items.filter((i) => i.status !== 'failed' && i.deadline <= now());
    for (const item of due) fail(item);
    // Actions and metadata cannot be retried by the visitor: past their time they are dropped.
    items = items.filter((i) => i.status !== 'failed' || shown(i));
    save();
  }

  function requestTranscript(): void {
    if (outstanding || !ready) return;
    if (!deps.requestTranscript()) return;
    outstanding = true;
    arm('transcript', unanswered, TRANSCRIPT_TIMEOUT_MS * 2 ** misses);
  }

  function unanswered(): void {
    outstanding = false;
    misses += 1;
    if (misses < TRANSCRIPT_TRIES) {
      requestTranscript();
      return;
    }
    // The hub will not show what it has: what only a transcript could settle is failed, the queue goes on.
    deps.onTranscriptUnavailable?.();
    for (const item of items) if (lost(item)) fail(item);
    holding = false;
    save();
    flush();
  }

  function scheduleConfirm(): void {
    disarm('confirm');
    if (deps.carrier.answers || misses >= TRANSCRIPT_TRIES) return;
    if (items.some((i) => i.status === 'inflight')) arm('confirm', requestTranscript, CONFIRM_DELAY_MS);
  }

  function flush(): void {
    const conversationId = deps.conversationId();
    if (!ready || holding || !conversationId || now() < pausedUntil) return;
    // An answering carrier takes one at a time, so the hub files them in order.
    const oneAtATime = deps.carrier.answers;
    if (oneAtATime && items.some((i) => i.status === 'inflight')) return;
    let changed = false;
    for (const item of items) {
      // Past its deadline (stored by a page closed before it) or its age (a send timeout over a day), it
      // waits for the deadline timer to fail it: it never goes.
      if (item.status !== 'queued' || item.deadline <= now() || expired(item, now())) continue;
      const frame = itemToFrame(item, conversationId);
      if (deps.carrier.send(item.id, frame, serialize(frame)) === 'not_ready') break;
      changed = true;
      Object.assign(item, {
        status: 'inflight',
        attempts: item.attempts + 1,
        epoch,
        sentAt: now(),
        answered: deps.carrier.answers,
      });
      // Over the socket only visitor messages appear in transcripts: the rest is done once handed over.
      if (!deps.carrier.answers && !shown(item)) {
        item.untracked = true;
        deps.setState(item.id, 'sent');
      }
      if (oneAtATime) break;
    }
    if (!changed) return;
    if (!deps.carrier.answers) items = items.filter((i) => !(i.status === 'inflight' && i.untracked));
    save();
    scheduleConfirm();
  }

  function settle(confirmed: readonly string[], missing: readonly string[]): void {
    outstanding = false;
    misses = 0;
    disarm('transcript');
    const done = new Set(confirmed);
    for (const id of confirmed) deps.setState(id, 'sent');
    for (const item of items) {
      // Not lost but late (its socket still lives), or still waiting for its answer: checked again later.
      if (!missing.includes(item.id) || !lost(item)) continue;
      // The transcript says the hub does not have it: Retry may send it again.
      if (item.attempts >= MAX_ATTEMPTS) fail(item, false);
      else item.status = 'queued';
    }
    items = items.filter((i) => !done.has(i.id));
    holding = false;
    save();
    flush();
    scheduleConfirm();
  }

  function answer(id: string, result: Answer): void {
    const item = items.find((i) => i.id === id && i.status === 'inflight');
    if (!item) return;
    if (result === 'ok') {
      items = items.filter((i) => i !== item);
      deps.setState(id, 'sent');
    } else if (result === 'refused') {
      fail(item, false);
      items = items.filter((i) => i.status !== 'failed' || shown(i));
    } else if (result === 'resend') {
      item.status = 'queued';
      item.attempts -= 1;
    } else if (item.attempts >= MAX_ATTEMPTS) {
      fail(item);
    } else {
      pausedUntil = now() + result.retryInMs;
      arm('pause', flush, result.retryInMs);
      if (!result.mayHaveArrived) item.status = 'queued';
      else if (!shown(item)) items = items.filter((i) => i !== item);
      else {
        // It may have reached the hub: the transcript decides whether it is sent again.
        item.epoch = -1;
        holding = true;
        requestTranscript();
      }
    }
    save();
    flush();
  }

  // A stored deadline still holds after a reload: what is overdue is failed now, with Retry, not sent.
  armDeadline();

  return {
    enqueue(item: QueuedItem): void {
      if (items.some((i) => i.id === item.id)) return;
      items.push({
        ...item,
        status: 'queued',
        attempts: 0,
        queuedAt: now(),
        deadline: now() + deps.sendTimeoutMs,
      });
      save();
      flush();
    },
    /** The carrier is ready (again): a fresh socket. */
    onReady(): void {
      ready = true;
      epoch += 1;
      outstanding = false;
      misses = 0;
      if (items.some(lost)) {
        holding = true;
        requestTranscript();
      } else flush();
    },
    onDisconnect(): void {
      ready = false;
      outstanding = false;
      disarm('confirm');
      disarm('transcript');
    },
    pending: (): Set<string> => new Set(items.map((i) => i.id)),
    settle,
    answer,
    retry(id: string): void {
      const item = items.find((i) => i.id === id && i.status === 'failed');
      if (!item) return;
      // The visitor asks again now: its age starts over (outbox-storage.ts, MAX_AGE_MS).
      const queuedAt = now();
      const deadline = queuedAt + deps.sendTimeoutMs;
      deps.setState(id, 'sending');
      if (item.unsure) {
        // It may be at the hub already: sent again blind it could show twice. The transcript decides, and a
        // transcript request that was given up on gets its tries again.
        Object.assign(item, {
          status: 'inflight',
          attempts: 0,
          queuedAt,
          deadline,
          epoch: -1,
          unsure: false,
        });
        misses = 0;
        holding = true;
        save();
        requestTranscript();
        return;
      }
      Object.assign(item, { status: 'queued', attempts: 0, queuedAt, deadline });
      save();
      flush();
    },
    /** Events sent over the socket may not have been taken (the gateway refused one): the transcript decides. */
    reconsider(): void {
      for (const item of items) if (item.status === 'inflight' && !item.answered) item.epoch = -1;
      if (!items.some(lost)) return;
      holding = true;
      requestTranscript();
    },
    /** Nothing takes events: what has not gone out fails, with Retry, instead of waiting for its deadline. */
    failUnsent(): void {
      for (const item of items) if (item.status === 'queued') fail(item);
      items = items.filter((i) => i.status !== 'failed' || shown(i));
      save();
    },
    failAll(): void {
      items = items.filter(shown);
      for (const i of items) fail(i);
      holding = false;
      save();
    },
    /**
     * The conversation is deleted, or all of them are (no id: destroy(), "delete all"): what is held for it
     * is dropped, stored too, and never sent. Whose items these are is `forgets`' decision.
     */
    forget(conversationId?: string): void {
      if (!forgets(conversationId, deps.conversationId())) return;
      items = [];
      holding = false;
      disarm('confirm');
      save();
    },
    flush,
    requestTranscript,
    dispose(): void {
      for (const name of Object.keys(timers) as Array<keyof typeof timers>) disarm(name);
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
