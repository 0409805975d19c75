import { describe, expect, it } from 'vitest';
import type { OutboundFrame } from '../protocol';
import { createSafeStorage, type SafeStorage } from '../storage';
import { FakeStorage, fakeWindow } from '../storage/test-fakes';
import { type Answer, CONFIRM_DELAY_MS, createOutbox, MAX_ATTEMPTS, TRANSCRIPT_TIMEOUT_MS } from './outbox';
import { tooLargeToSend } from './outbox-item';
import { MAX_AGE_MS, restoredMessages } from './outbox-storage';
import type { DeliveryState } from './session';
import { fakeClock } from './test-clock';

const SEND_TIMEOUT = 60_000;
/** When the first page load of a test happens (the fake clock's start). */
const T0 = 1_000_000;
/** One browser's localStorage, as two page loads see it. */
const sharedStorage = () =>
  createSafeStorage('local', { win: fakeWindow(new FakeStorage(), new FakeStorage()) });

function setup(
  opts: {
    answers?: boolean;
    storage?: SafeStorage;
    conversationId?: string;
    /** When this page load happens. */
    at?: number;
    sendTimeoutMs?: number;
  } = {},
) {
  const clock = fakeClock(opts.at ?? T0);
  const sent: Array<{ id: string; frame: OutboundFrame }> = [];
  const states: Array<[string, DeliveryState]> = [];
  let transcripts = 0;
  let carrierReady = true;
  const outbox = createOutbox({
    storage: opts.storage ?? createSafeStorage('none'),
    carrier: {
      answers: opts.answers ?? false,
      send(id, frame) {
        if (!carrierReady) return 'not_ready';
        sent.push({ id, frame });
        return 'sent';
      },
    },
    conversationId: () => opts.conversationId ?? 'c1',
    requestTranscript() {
      transcripts += 1;
      return true;
    },
    setState: (id, state) => states.push([id, state]),
    sendTimeoutMs: opts.sendTimeoutMs ?? SEND_TIMEOUT,
    now: clock.now,
    setTimer: clock.setTimer,
  });
  return {
    clock,
    outbox,
    sent,
    states,
    ids: () => sent.map((s) => s.id),
    transcripts: () => transcripts,
    block: (blocked: boolean) => {
      carrierReady = !blocked;
    },
    message: (id: string) => outbox.enqueue({ kind: 'message', id, text: id }),
    answer: (id: string, result: Answer) => outbox.answer(id, result),
  };
}

describe('outbox over the socket (confirmed by transcripts)', () => {
  it('sends in order once ready, and confirms what a transcript shows', () => {
    const s = setup();
    s.message('a');
    expect(s.ids()).toEqual([]);
    s.outbox.onReady();
    s.message('b');
    expect(s.ids()).toEqual(['a', 'b']);
    expect(s.outbox.pending()).toEqual(new Set(['a', 'b']));
    s.clock.advance(CONFIRM_DELAY_MS);
    expect(s.transcripts()).toBe(1);
    s.outbox.settle(['a', 'b'], []);
    expect(s.states).toEqual([
      ['a', 'sent'],
      ['b', 'sent'],
    ]);
    expect(s.outbox.pending().size).toBe(0);
  });

  it('after a reconnect holds new messages until the transcript, then resends only the lost one', () => {
    const s = setup();
    s.outbox.onReady();
    s.message('a');
    s.message('b');
    s.outbox.onDisconnect();
    s.message('c');
    s.outbox.onReady();
    expect(s.ids()).toEqual(['a', 'b']);
    expect(s.transcripts()).toBe(1);
    s.outbox.settle(['a'], ['b', 'c']);
    expect(s.ids()).toEqual(['a', 'b', 'b', 'c']);
  });

  it('the late path: missing while its socket lives is checked again, never resent, and failed at the deadline', () => {
    const s = setup();
    s.outbox.onReady();
    s.message('a');
    s.clock.advance(CONFIRM_DELAY_MS);
    s.outbox.settle([], ['a']);
    expect(s.ids()).toEqual(['a']);
    s.clock.advance(CONFIRM_DELAY_MS);
    expect(s.transcripts()).toBe(2);
    s.outbox.settle([], ['a']);
    expect(s.states).toEqual([]);
    s.clock.advance(SEND_TIMEOUT);
    expect(s.states).toEqual([['a', 'failed']]);
    expect(s.ids()).toEqual(['a']);
    // A transcript that shows it after all settles it, even once failed.
    s.outbox.settle(['a'], []);
    expect(s.states.at(-1)).toEqual(['a', 'sent']);
  });

  it(`gives up after ${MAX_ATTEMPTS} sends lost with their sockets, and Retry starts over`, () => {
    const s = setup();
    s.outbox.onReady();
    s.message('a');
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      s.outbox.onDisconnect();
      s.outbox.onReady();
      s.outbox.settle([], ['a']);
    }
    expect(s.ids()).toHaveLength(MAX_ATTEMPTS);
    s.outbox.onDisconnect();
    s.outbox.onReady();
    s.outbox.settle([], ['a']);
    expect(s.ids()).toHaveLength(MAX_ATTEMPTS);
    expect(s.states).toEqual([['a', 'failed']]);
    s.outbox.retry('a');
    expect(s.states.at(-1)).toEqual(['a', 'sending']);
    expect(s.ids()).toHaveLength(MAX_ATTEMPTS + 1);
  });

  it('a message waiting for a conversation or a socket fails after the send timeout, and is not sent later', () => {
    const s = setup();
    s.message('a');
    s.clock.advance(SEND_TIMEOUT - 1);
    expect(s.states).toEqual([]);
    s.clock.advance(1);
    expect(s.states).toEqual([['a', 'failed']]);
    s.outbox.onReady();
    expect(s.ids()).toEqual([]);
  });

  it('an unanswered transcript request is asked again with backoff, then given up on: the queue goes on', () => {
    const s = setup();
    s.outbox.onReady();
    s.message('a');
    s.outbox.onDisconnect();
    s.message('b');
    s.outbox.onReady();
    expect(s.transcripts()).toBe(1);
    s.clock.advance(TRANSCRIPT_TIMEOUT_MS);
    expect(s.transcripts()).toBe(2);
    s.clock.advance(TRANSCRIPT_TIMEOUT_MS * 2);
    expect(s.transcripts()).toBe(3);
    expect(s.ids()).toEqual(['a']);
    s.clock.advance(TRANSCRIPT_TIMEOUT_MS * 4);
    // 'a' may or may not have arrived: the visitor decides (Retry); 'b' goes out.
    expect(s.states).toEqual([['a', 'failed']]);
    expect(s.ids()).toEqual(['a', 'b']);
  });

  it('Retry on a message whose fate is unknown asks the transcript first: never sent twice', () => {
    const giveUp = (s: ReturnType<typeof setup>) => {
      s.outbox.onReady();
      s.message('a');
      s.outbox.onDisconnect();
      s.outbox.onReady();
      s.clock.advance(TRANSCRIPT_TIMEOUT_MS * 7);
      expect(s.states).toEqual([['a', 'failed']]);
    };
    // The hub had it: the transcript confirms it, nothing is sent again.
    const had = setup();
    giveUp(had);
    const asked = had.transcripts();
    had.outbox.retry('a');
    expect(had.transcripts()).toBe(asked + 1);
    expect(had.ids()).toEqual(['a']);
    had.outbox.settle(['a'], []);
    expect(had.states.at(-1)).toEqual(['a', 'sent']);
    expect(had.ids()).toEqual(['a']);
    // The hub lacks it: sent again, once, with the same id.
    const lacked = setup();
    giveUp(lacked);
    lacked.outbox.retry('a');
    lacked.outbox.settle([], ['a']);
    expect(lacked.ids()).toEqual(['a', 'a']);
    // The transcript stays silent again: failed again, still never sent blind.
    const silent = setup();
    giveUp(silent);
    silent.outbox.retry('a');
    silent.clock.advance(TRANSCRIPT_TIMEOUT_MS * 7);
    expect(silent.states.at(-1)).toEqual(['a', 'failed']);
    expect(silent.ids()).toEqual(['a']);
  });

  it('actions and metadata are done once handed to the socket', () => {
    const s = setup();
    s.outbox.onReady();
    s.outbox.enqueue({ kind: 'action', id: 'x', actionId: 'escalateToHuman', data: {} });
    expect(s.sent[0]!.frame.event.event_type).toBe('action');
    expect(s.outbox.pending().size).toBe(0);
  });

  it('survives a reload: what was in flight is settled by the transcript before anything new goes out', () => {
    const storage = sharedStorage();
    const first = setup({ storage });
    first.outbox.onReady();
    first.message('a');
    first.block(true);
    first.message('b');
    const second = setup({ storage });
    expect(second.outbox.pending()).toEqual(new Set(['a', 'b']));
    second.outbox.onReady();
    expect(second.ids()).toEqual([]);
    second.outbox.settle([], ['a']);
    expect(second.ids()).toEqual(['a', 'b']);
  });

  describe('a stored item past its send timeout (the page was closed meanwhile)', () => {
    /** One in flight and one queued when the page closed; the next load comes after their deadline. */
    function reloadedLate() {
      const storage = sharedStorage();
      const first = setup({ storage });
      first.outbox.onReady();
      first.message('sent');
      first.block(true);
      first.message('waiting');
      return setup({ storage, at: T0 + SEND_TIMEOUT });
    }
    const failed = [
      ['sent', 'failed'],
      ['waiting', 'failed'],
    ];

    it('is failed on load, with Retry, even without a socket', () => {
      const later = reloadedLate();
      later.clock.advance(0);
      expect(later.states).toEqual(failed);
      // The transcript every reconnect reads: it has neither.
      later.outbox.onReady();
      later.outbox.settle([], ['sent', 'waiting']);
      expect(later.ids()).toEqual([]);
      later.outbox.retry('waiting');
      expect(later.ids()).toEqual(['waiting']);
    });

    it('is never sent, even when the socket and the transcript come first', () => {
      const later = reloadedLate();
      later.outbox.onReady();
      later.outbox.settle([], ['sent', 'waiting']);
      expect(later.ids()).toEqual([]);
      later.clock.advance(0);
      expect(later.states).toEqual(failed);
    });
  });

  it('a stored outbox of another conversation is offered with Retry, never sent', () => {
    const storage = sharedStorage();
    const first = setup({ storage });
    first.message('a');
    const second = setup({ storage, conversationId: 'c2' });
    second.outbox.onReady();
    expect(second.ids()).toEqual([]);
    second.outbox.retry('a');
    expect(second.sent[0]!.frame.event.event_payload).toMatchObject({ conversation_id: 'c2' });
  });
});

describe('outbox over HTTP (each send answered)', () => {
  it('one send at a time; 2xx confirms and the next goes', () => {
    const s = setup({ answers: true });
    s.outbox.onReady();
    s.message('a');
    s.message('b');
    expect(s.ids()).toEqual(['a']);
    s.answer('a', 'ok');
    expect(s.states).toEqual([['a', 'sent']]);
    expect(s.ids()).toEqual(['a', 'b']);
  });

  it('a refusal fails the message at once; 429/5xx wait and resend with the same id', () => {
    const s = setup({ answers: true });
    s.outbox.onReady();
    s.message('a');
    s.answer('a', { retryInMs: 2000, mayHaveArrived: false });
    expect(s.ids()).toEqual(['a']);
    s.clock.advance(1999);
    expect(s.ids()).toEqual(['a']);
    s.clock.advance(1);
    expect(s.ids()).toEqual(['a', 'a']);
    s.answer('a', 'refused');
    expect(s.states).toEqual([['a', 'failed']]);
  });

  it('a lost answer is settled by the transcript: resent only when the hub lacks it', () => {
    const s = setup({ answers: true });
    s.outbox.onReady();
    s.message('a');
    s.answer('a', { retryInMs: 0, mayHaveArrived: true });
    expect(s.transcripts()).toBe(1);
    s.message('b');
    expect(s.ids()).toEqual(['a']);
    s.outbox.settle([], ['a', 'b']);
    expect(s.ids()).toEqual(['a', 'a']);
    s.answer('a', 'ok');
    expect(s.ids()).toEqual(['a', 'a', 'b']);
  });
});

describe('outbox items expire a day after the visitor asked for them to go', () => {
  const shownIds = (storage: SafeStorage, at: number) => restoredMessages(storage, 'c1', at).map((m) => m.id);

  /** One browser whose stored outbox holds a message typed at T0 that failed (offered with Retry). */
  function failedAtT0(): SafeStorage {
    const storage = sharedStorage();
    const first = setup({ storage });
    first.message('a');
    first.clock.advance(SEND_TIMEOUT);
    expect(first.states).toEqual([['a', 'failed']]);
    return storage;
  }

  it('past its age a stored item is not shown after a reload, and is dropped from storage', () => {
    const storage = failedAtT0();
    // A day less a moment: still shown, with Retry.
    expect(shownIds(storage, T0 + MAX_AGE_MS - 1)).toEqual(['a']);
    expect(shownIds(storage, T0 + MAX_AGE_MS)).toEqual([]);
    expect(storage.keys()).not.toContain('outbox');
  });

  it('past its age a stored item is not taken by the outbox of the next page load or leading tab', () => {
    const storage = failedAtT0();
    expect(setup({ storage, at: T0 + MAX_AGE_MS - 1 }).outbox.pending()).toEqual(new Set(['a']));
    const late = setup({ storage, at: T0 + MAX_AGE_MS });
    expect(late.outbox.pending().size).toBe(0);
    expect(storage.keys()).not.toContain('outbox');
    late.outbox.retry('a');
    late.outbox.onReady();
    expect(late.ids()).toEqual([]);
  });

  it('is never sent past its age, even with a send timeout over a day; Retry asks afresh and sends it', () => {
    const s = setup({ sendTimeoutMs: 2 * MAX_AGE_MS });
    s.message('a');
    s.clock.advance(MAX_AGE_MS);
    s.outbox.onReady();
    expect(s.ids()).toEqual([]);
    s.clock.advance(MAX_AGE_MS);
    expect(s.states).toEqual([['a', 'failed']]);
    s.outbox.retry('a');
    expect(s.ids()).toEqual(['a']);
  });

  it('an outbox stored without the times (an older version) loads as expired: nothing sent, shown or kept', () => {
    const storage = sharedStorage();
    const item = { kind: 'message', text: 'x', status: 'queued', attempts: 0, deadline: T0 + SEND_TIMEOUT };
    storage.set('outbox', {
      conversationId: 'c1',
      items: [
        { ...item, id: 'old' },
        { ...item, id: 'new', queuedAt: T0 },
      ],
    });
    const s = setup({ storage });
    expect(s.outbox.pending()).toEqual(new Set(['new']));
    s.outbox.onReady();
    expect(s.ids()).toEqual(['new']);
    storage.set('outbox', { conversationId: 'c1', items: [{ ...item, id: 'old' }] });
    expect(shownIds(storage, T0)).toEqual([]);
    expect(storage.keys()).not.toContain('outbox');
  });
});

describe('forgetting a conversation (destroy(), deletes)', () => {
  /** A message in flight and one queued, for conversation c1, stored. */
  function unsent() {
    const storage = sharedStorage();
    const s = setup({ storage });
    s.outbox.onReady();
    s.message('a');
    s.block(true);
    s.message('b');
    return { s, storage };
  }

  it('forgetting another conversation leaves the outbox alone', () => {
    const { s, storage } = unsent();
    s.outbox.forget('c0');
    expect(s.outbox.pending()).toEqual(new Set(['a', 'b']));
    expect(restoredMessages(storage, 'c1', T0).map((m) => m.id)).toEqual(['a', 'b']);
  });

  for (const [what, id] of [
    ['its conversation', 'c1'],
    ['every conversation', undefined],
  ] as const)
    it(`forgetting ${what} drops what is queued, in flight or failed, stored too: never sent or restored`, () => {
      const { s, storage } = unsent();
      s.clock.advance(SEND_TIMEOUT);
      s.message('c');
      s.outbox.forget(id);
      expect(s.outbox.pending().size).toBe(0);
      expect(storage.keys()).not.toContain('outbox');
      s.block(false);
      s.outbox.flush();
      s.outbox.onDisconnect();
      s.outbox.onReady();
      s.outbox.retry('a');
      expect(s.ids()).toEqual(['a']);
      expect(setup({ storage }).outbox.pending().size).toBe(0);
    });
});

describe('frames over the gateway limit', () => {
  it('are recognised before they are queued', () => {
    expect(tooLargeToSend({ kind: 'message', id: 'a', text: 'x'.repeat(40_000) }, undefined)).toBe(true);
    expect(tooLargeToSend({ kind: 'message', id: 'a', text: 'x'.repeat(30_000) }, 'c1')).toBe(false);
    // Multi-byte text counts in UTF-8 bytes, as the gateway does.
    expect(tooLargeToSend({ kind: 'message', id: 'a', text: 'é'.repeat(17_000) }, 'c1')).toBe(true);
  });
});
