/**
 * A hub flood against the real store and hub session: 100,000 bot messages in bursts of 1,000, one burst per
 * frame. Work and memory are counted, not timed (the times are `npm run bench`'s flood figures and
 * e2e/flood.spec.ts's long tasks): the log keeps at most MEMORY_CAP messages and lets the oldest go, each
 * frame is one list update and one round of host events, a repeated id is still shown once, and the
 * transcript brings a page of earlier messages back on request.
 */

import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { InboundFrame, TranscriptEntry } from '../protocol';
import { createSafeStorage } from '../storage';
import { EARLIER_PAGE, MEMORY_CAP } from './message-log';
import { testStore } from './test-store';

const TOTAL = 100_000;
const BURST = 1_000;

function setup() {
  const frames: Array<() => void> = [];
  const storage = createSafeStorage('none');
  storage.set('conversation', 'c1');
  let messageEvents = 0;
  let unread = 0;
  const { store, hub } = testStore({
    options: { open: true },
    storage,
    schedule: (run) => void frames.push(run),
    emit: (name, detail) => {
      if (name === 'message') messageEvents++;
      if (name === 'unread') unread = (detail as { count: number }).count;
    },
  });
  hub.becomeReady();
  hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: [] });
  let listUpdates = 0;
  effect(() => {
    store.state.messages.value;
    listUpdates++;
  });
  return {
    store,
    hub,
    /** Runs the frame the arrivals are waiting for. */
    frame: () => {
      for (const run of frames.splice(0)) run();
    },
    events: () => messageEvents,
    unread: () => unread,
    updates: () => listUpdates,
  };
}

const bot = (i: number): InboundFrame => ({
  type: 'bot_message',
  conversationId: 'c1',
  messageId: `m${i}`,
  parts: [{ kind: 'text', text: `Answer ${i}` }],
});

describe('a hub flood of 100,000 bot messages in bursts of 1,000', () => {
  it('keeps the newest MEMORY_CAP, one list update and one round of events per frame, every message reported', () => {
    const s = setup();
    const updatesBefore = s.updates();
    for (let burst = 0; burst < TOTAL / BURST; burst++) {
      const eventsBefore = s.events();
      for (let i = burst * BURST; i < (burst + 1) * BURST; i++) s.hub.receive(bot(i));
      // Host events wait for the frame, as the render does.
      expect(s.events()).toBe(eventsBefore);
      s.frame();
      expect(s.events()).toBe(eventsBefore + BURST);
    }
    const messages = s.store.state.messages.value;
    expect(s.updates() - updatesBefore).toBe(TOTAL / BURST);
    expect(messages).toHaveLength(MEMORY_CAP);
    expect(messages[0]!.id).toBe(`m${TOTAL - MEMORY_CAP}`);
    expect(messages.at(-1)!.id).toBe(`m${TOTAL - 1}`);
    expect(s.store.state.earlier.value).toBe(true);
    expect(s.events()).toBe(TOTAL);
  });

  it('shows a repeated id once, whether it is still in the log or was let go', () => {
    const s = setup();
    for (let i = 0; i < MEMORY_CAP + 10; i++) s.hub.receive(bot(i));
    s.frame();
    s.hub.receive(bot(MEMORY_CAP + 5)); // in the log
    s.hub.receive(bot(3)); // let go, still remembered
    s.frame();
    const ids = s.store.state.messages.value.map((m) => m.id);
    expect(ids).toHaveLength(MEMORY_CAP);
    expect(new Set(ids).size).toBe(MEMORY_CAP);
    expect(ids).not.toContain('m3');
  });

  it('counts unread by arrival, so letting old messages go does not lower it', () => {
    const s = setup();
    s.store.setOpen(false);
    for (let i = 0; i < MEMORY_CAP + 500; i++) s.hub.receive(bot(i));
    s.frame();
    expect(s.store.state.messages.value).toHaveLength(MEMORY_CAP);
    expect(s.store.state.unread.value).toBe(MEMORY_CAP + 500);
    expect(s.unread()).toBe(MEMORY_CAP + 500);
  });
});

describe('earlier messages of a conversation longer than the cap', () => {
  const entries = (n: number): TranscriptEntry[] =>
    Array.from({ length: n }, (_, i) => ({
      sender: i % 2 ? 'bot' : 'user',
      parts: [{ kind: 'text', text: `Entry ${i}` }],
      actions: [],
    }));
  const texts = (s: ReturnType<typeof setup>) =>
    s.store.state.messages.value.map((m) => (m.parts[0] as { text: string }).text);

  it('a restore shows the newest MEMORY_CAP; each request brings one page back above them, as history', () => {
    const s = setup();
    const total = MEMORY_CAP + 2 * EARLIER_PAGE + 10;
    s.store.openConversation('c1');
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: entries(total) });
    expect(texts(s)).toHaveLength(MEMORY_CAP);
    expect(texts(s)[0]).toBe(`Entry ${total - MEMORY_CAP}`);
    expect(s.store.state.earlier.value).toBe(true);

    const requests = () => s.hub.types().filter((t) => t === 'conversation_transcript_request').length;
    const before = requests();
    s.store.showEarlier();
    expect(requests()).toBe(before + 1);
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: entries(total) });
    const shown = texts(s);
    expect(shown).toHaveLength(MEMORY_CAP + EARLIER_PAGE);
    expect(shown[0]).toBe(`Entry ${total - MEMORY_CAP - EARLIER_PAGE}`);
    expect(shown.at(-1)).toBe(`Entry ${total - 1}`);
    expect(new Set(shown).size).toBe(shown.length);
    expect(s.store.state.messages.value[0]!.history).toBe(true);
    expect(s.store.state.earlier.value).toBe(true);

    // The last page: nothing older is left, and the control goes.
    s.store.showEarlier();
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: entries(total) });
    s.store.showEarlier();
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: entries(total) });
    expect(texts(s)[0]).toBe('Entry 0');
    expect(texts(s)).toHaveLength(total);
    expect(s.store.state.earlier.value).toBe(false);
  });

  it('a transcript after a reconnect adds what the log lacks, not what it let go', () => {
    const s = setup();
    const total = MEMORY_CAP + 500;
    s.store.openConversation('c1');
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: entries(total) });
    s.hub.drop();
    s.hub.becomeReady();
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: entries(total + 3) });
    const shown = texts(s);
    expect(shown).toHaveLength(MEMORY_CAP);
    expect(shown.at(-1)).toBe(`Entry ${total + 2}`);
    expect(new Set(shown).size).toBe(MEMORY_CAP);
  });
});
