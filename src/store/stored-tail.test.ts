/** The stored tail: what it keeps, what it refuses to read back, and a reload that shows it at once. */

import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TranscriptEntry } from '../protocol';
import { createSafeStorage } from '../storage';
import { FakeStorage, fakeWindow } from '../storage/test-fakes';
import { type ChatMessage, createMessage } from './messages';
import { forgetTail, keepTail, readTail, TAIL_BYTES, TAIL_MESSAGES, tailOf } from './stored-tail';
import { testStore } from './test-store';

const text = (m: ChatMessage) => (m.parts[0] as { text: string }).text;
const bot = (id: string, t: string) =>
  createMessage({ id, sender: 'bot', parts: [{ kind: 'text', text: t }], at: 1, history: false });
const user = (id: string, t: string, delivery: 'sending' | 'sent' | 'failed') =>
  createMessage({ id, sender: 'user', parts: [{ kind: 'text', text: t }], at: 1, history: false, delivery });

describe('tailOf', () => {
  it('keeps the hub’s messages and the visitor’s (unconfirmed ones as places), newest within the budgets', () => {
    const notice = createMessage({
      id: 's',
      sender: 'system',
      parts: [{ kind: 'text', text: 'n' }],
      at: 1,
      history: false,
    });
    const out = tailOf([
      bot('b1', 'one'),
      user('u1', 'sent', 'sent'),
      user('u2', 'waiting', 'sending'),
      notice,
    ]);
    // The visitor's unconfirmed message keeps its place only (the outbox fills it on load).
    expect(out.map((m) => [m.id, m.pending])).toEqual([
      ['b1', undefined],
      ['u1', undefined],
      ['u2', true],
    ]);
    const many = Array.from({ length: TAIL_MESSAGES + 50 }, (_, i) => bot(`b${i}`, `m${i}`));
    expect(tailOf(many)).toHaveLength(TAIL_MESSAGES);
    expect(tailOf(many).at(-1)!.id).toBe(`b${TAIL_MESSAGES + 49}`);
    // A message over the byte budget ends the tail: what is newer is kept, nothing older.
    const huge = bot('huge', 'x'.repeat(TAIL_BYTES));
    expect(tailOf([bot('old', 'old'), huge, bot('new', 'new')]).map((m) => m.id)).toEqual(['new']);
  });
});

describe('keepTail', () => {
  /** A screen with the bot's greeting and a visitor message the hub has not confirmed yet. */
  function screen() {
    const storage = createSafeStorage('local', { win: fakeWindow(new FakeStorage(), new FakeStorage()) });
    const waiting = user('u1', 'typed', 'sending');
    const state = {
      messages: signal([bot('b1', 'hello'), waiting]),
      conversationId: signal<string | undefined>('c1'),
    };
    const stored = () => readTail(storage, 'c1', []).map((m) => m.id);
    return { storage, waiting, state, stored };
  }
  afterEach(() => vi.useRealTimers());

  it('writes a visitor message once the hub confirms it, though the list itself did not change', () => {
    vi.useFakeTimers();
    const { storage, waiting, state, stored } = screen();
    const stop = keepTail(storage, state);
    vi.advanceTimersByTime(1000);
    expect(stored()).toEqual(['b1']);
    waiting.delivery!.value = 'sent';
    vi.advanceTimersByTime(1000);
    expect(stored()).toEqual(['b1', 'u1']);
    stop();
  });

  it('writes what is due at once when the page goes (pagehide), not a moment later', () => {
    vi.useFakeTimers();
    const { storage, waiting, state, stored } = screen();
    const page = new EventTarget();
    const stop = keepTail(storage, state, page);
    vi.advanceTimersByTime(1000);
    waiting.delivery!.value = 'sent';
    // The page reloads before the delayed write.
    page.dispatchEvent(new Event('pagehide'));
    expect(stored()).toEqual(['b1', 'u1']);
    stop();
    // Stopped: a later pagehide writes nothing.
    state.messages.value = [bot('b2', 'later')];
    page.dispatchEvent(new Event('pagehide'));
    expect(stored()).toEqual(['b1', 'u1']);
  });
});

describe('readTail: storage is untrusted', () => {
  const storage = () => createSafeStorage('local', { win: fakeWindow(new FakeStorage(), new FakeStorage()) });
  const good = { id: 'b1', sender: 'bot', parts: [{ kind: 'md', md: '**hi**' }], at: 5 };

  it('reads its own conversation’s tail only, and drops what it did not write', () => {
    const s = storage();
    s.set('tail', {
      conversationId: 'c1',
      messages: [
        good,
        { ...good, id: 'b1' }, // the same id twice
        { id: 'x1', sender: 'system', parts: [{ kind: 'text', text: 'x' }], at: 1 },
        { id: 'x2', sender: 'bot', parts: [{ kind: 'script', src: 'x' }], at: 1 },
        { id: 'x3', sender: 'bot', parts: [{ kind: 'text', text: 7 }], at: 1 },
        { id: 'x4', sender: 'bot', parts: [{ kind: 'links', links: [{ title: 't', url: {} }] }], at: 1 },
        { id: 'x5', sender: 'bot', parts: [], at: 1 },
        { id: 'x6', sender: 'bot', parts: [{ kind: 'text', text: 'x' }], at: 'soon' },
        {
          id: 'b2',
          sender: 'agent',
          parts: [{ kind: 'text', text: 'hello', style: 'x' }],
          at: 6,
          name: 'Dana',
        },
      ],
    });
    const read = readTail(s, 'c1', []);
    expect(read.map((m) => m.id)).toEqual(['b1', 'b2']);
    expect(read.every((m) => m.history)).toBe(true);
    expect(read[1]!.parts).toEqual([{ kind: 'text', text: 'hello' }]);
    expect(read[1]!.senderName).toBe('Dana');
    expect(readTail(s, 'c2', [])).toEqual([]);
    s.set('tail', 'not a tail');
    expect(readTail(s, 'c1', [])).toEqual([]);
  });

  it('a quick reply comes back showing its label and matching what it sent', () => {
    const s = storage();
    const chosen = createMessage({
      id: 'u1',
      sender: 'user',
      parts: [{ kind: 'text', text: 'Show cards' }],
      sentParts: [{ kind: 'text', text: 'cards' }],
      at: 1,
      history: false,
      delivery: 'sent',
    });
    s.set('tail', { conversationId: 'c1', messages: tailOf([chosen]) });
    const [read] = readTail(s, 'c1', []);
    expect(read!.parts).toEqual([{ kind: 'text', text: 'Show cards' }]);
    expect(read!.sentParts).toEqual([{ kind: 'text', text: 'cards' }]);
  });

  it('a polluted prototype adds nothing to what is read', () => {
    const s = storage();
    s.set('tail', {
      conversationId: 'c1',
      messages: [{ id: 'b', sender: 'bot', parts: [{ kind: 'cards', cards: [{}] }], at: 1 }],
    });
    const proto = Object.prototype as Record<string, unknown>;
    proto.imageUrl = 'javascript:alert(1)';
    proto.avatar = 'https://evil.example/a.png';
    try {
      const [message] = readTail(s, 'c1', []);
      expect(Object.hasOwn((message!.parts[0] as { cards: object[] }).cards[0]!, 'imageUrl')).toBe(false);
      expect(Object.hasOwn(message!, 'avatar')).toBe(false);
    } finally {
      delete proto.imageUrl;
      delete proto.avatar;
    }
  });

  it('puts the outbox’s messages in the places the tail kept for them, the rest after it', () => {
    const s = storage();
    s.set('tail', {
      conversationId: 'c1',
      messages: [
        good,
        { id: 'u1', sender: 'user', pending: true },
        { id: 'u-gone', sender: 'user', pending: true },
        { id: 'u2', sender: 'user', parts: [{ kind: 'text', text: 'confirmed later' }], at: 7 },
      ],
    });
    const waiting = [user('u1', 'typed first', 'failed'), user('u3', 'typed offline', 'sending')];
    const screen = readTail(s, 'c1', waiting);
    expect(screen.map((m) => m.id)).toEqual(['b1', 'u1', 'u2', 'u3']);
    expect(screen[1]).toBe(waiting[0]);
    expect(screen.map((m) => m.history)).toEqual([true, false, true, false]);
  });

  it('goes with a delete of its conversation, not of another', () => {
    const s = storage();
    s.set('tail', { conversationId: 'c1', messages: [good] });
    forgetTail(s, 'other');
    expect(readTail(s, 'c1', [])).toHaveLength(1);
    forgetTail(s, 'c1');
    expect(readTail(s, 'c1', [])).toEqual([]);
  });
});

describe('a reload with a stored tail', () => {
  const entry = (sender: TranscriptEntry['sender'], t: string): TranscriptEntry => ({
    sender,
    parts: [{ kind: 'text', text: t }],
    actions: [],
  });

  function load(win: ReturnType<typeof fakeWindow>) {
    const events: string[] = [];
    const { store, hub } = testStore({
      options: { open: true },
      storage: createSafeStorage('local', { win }),
      emit: (name, detail) => {
        if (name === 'message') events.push((detail as { text: string }).text);
      },
    });
    return { store, hub, events };
  }

  it('shows the tail before the transcript comes; the transcript adds only what the tail lacks, once', () => {
    vi.useFakeTimers();
    try {
      const win = fakeWindow(new FakeStorage(), new FakeStorage());
      const first = load(win);
      first.hub.becomeReady();
      first.hub.receive({ type: 'conversation_start_success', conversationId: 'c1' });
      for (let i = 0; i < 5; i++)
        first.hub.receive({
          type: 'bot_message',
          conversationId: 'c1',
          messageId: `b${i}`,
          parts: [{ kind: 'text', text: `reply ${i}` }],
        });
      vi.advanceTimersByTime(1000);
      first.store.destroy();

      const second = load(win);
      expect(second.store.state.messages.value.map(text)).toEqual([
        'reply 0',
        'reply 1',
        'reply 2',
        'reply 3',
        'reply 4',
      ]);
      expect(second.events).toHaveLength(5);
      second.hub.becomeReady();
      second.hub.receive({
        type: 'conversation_transcript',
        conversationId: 'c1',
        entries: [
          entry('user', 'older question'),
          ...[0, 1, 2, 3, 4].map((i) => entry('bot', `reply ${i}`)),
          entry('bot', 'while away'),
        ],
      });
      expect(second.store.state.messages.value.map(text)).toEqual([
        'older question',
        'reply 0',
        'reply 1',
        'reply 2',
        'reply 3',
        'reply 4',
        'while away',
      ]);
      expect(second.events).toHaveLength(7);
    } finally {
      vi.useRealTimers();
    }
  });
});
