/**
 * A long transcript is applied over several tasks (apply-transcript.ts): the test plays the tasks one by one
 * and checks what the visitor and the host see meanwhile and after.
 */
import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../protocol';
import { createSafeStorage } from '../storage';
import { SLICE } from './apply-transcript';
import type { ChatMessage } from './messages';
import { testStore } from './test-store';

const entries = (n: number, from = 0): TranscriptEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    sender: (from + i) % 3 === 0 ? 'user' : 'bot',
    parts: [{ kind: 'text', text: `Entry ${from + i}` }],
    actions: [],
  }));
const textOf = (m: ChatMessage) => (m.parts[0] as { text: string }).text;
const LONG = 2 * SLICE + 500;

function setup() {
  const waiting: Array<() => void> = [];
  const storage = createSafeStorage('none');
  storage.set('conversation', 'c1');
  const { store, hub, events } = testStore({
    options: { start: 'user-first' },
    storage,
    nextTask: () => new Promise<void>((resolve) => waiting.push(resolve)),
  });
  hub.becomeReady();
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    store,
    hub,
    events,
    texts: () => store.state.messages.value.map(textOf),
    /** Tasks the apply is waiting for. */
    waiting: () => waiting.length,
    /** Lets the next task run. */
    async step() {
      waiting.shift()?.();
      await flush();
    },
    async runAll() {
      while (waiting.length) {
        waiting.shift()!();
        await flush();
      }
    },
    reported: () =>
      events
        .filter((e) => e.name === 'message')
        .map((e) => (e.detail as { text: string; history: boolean }).text),
  };
}

describe('a long transcript, applied over several tasks', () => {
  it('a short one is applied at once, in the task that brought it', () => {
    const s = setup();
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: entries(SLICE) });
    expect(s.waiting()).toBe(0);
    expect(s.texts()).toHaveLength(SLICE);
  });

  it('leaves the screen as it is until merged, then shows everything in one update, and reports each message once, in order', async () => {
    const s = setup();
    const updates: number[] = [];
    effect(() => void updates.push(s.store.state.messages.value.length));
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: entries(LONG) });
    expect(s.waiting()).toBe(1);
    expect(s.texts()).toEqual([]);
    await s.runAll();
    expect(s.texts()).toEqual(entries(LONG).map((e) => (e.parts[0] as { text: string }).text));
    expect(updates).toEqual([0, LONG]);
    expect(s.reported()).toEqual(s.texts());
    expect(s.store.state.messages.value.every((m) => m.history)).toBe(true);
  });

  it('keeps the messages already on screen (a stored tail) as they are, with nothing shown twice', async () => {
    const s = setup();
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: entries(50, LONG - 50) });
    const tail = s.store.state.messages.value;
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: entries(LONG) });
    await s.runAll();
    const shown = s.store.state.messages.value;
    expect(shown).toHaveLength(LONG);
    expect(new Set(s.texts()).size).toBe(LONG);
    expect(shown.slice(-50)).toEqual(tail);
    expect(shown.at(-1)).toBe(tail.at(-1));
  });

  it('a live message that arrives meanwhile waits behind it and shows after the history', async () => {
    const s = setup();
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: entries(LONG) });
    await s.step();
    s.hub.receive({
      type: 'bot_message',
      conversationId: 'c1',
      messageId: 'live-1',
      parts: [{ kind: 'text', text: 'Live reply' }],
    });
    expect(s.texts()).not.toContain('Live reply');
    await s.runAll();
    expect(s.texts()).toHaveLength(LONG + 1);
    expect(s.texts().at(-1)).toBe('Live reply');
    expect(s.reported().at(-1)).toBe('Live reply');
  });

  it('a message the visitor sends meanwhile shows at once and stays, after the history, sent once', async () => {
    const s = setup();
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: entries(LONG) });
    await s.step();
    s.store.sendText('Typed while restoring');
    expect(s.texts()).toEqual(['Typed while restoring']);
    await s.runAll();
    expect(s.texts()).toHaveLength(LONG + 1);
    expect(s.texts().at(-1)).toBe('Typed while restoring');
    const typed = s.store.state.messages.value.at(-1)!;
    expect(typed.history).toBe(false);
    // The transcript was made before the message was sent: it does not count as missing, so it is not sent again.
    expect(s.hub.types().filter((t) => t === 'user_message')).toHaveLength(1);
  });

  it('reset() meanwhile discards it: nothing of it shows or is reported later', async () => {
    const s = setup();
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: entries(LONG) });
    await s.step();
    s.store.reset();
    await s.runAll();
    expect(s.texts()).toEqual([]);
    expect(s.reported()).toEqual([]);
    expect(s.store.state.conversationId.value).toBeUndefined();
  });

  it('reset() after it was shown: nothing more of it is reported', async () => {
    const s = setup();
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: entries(LONG) });
    while (s.texts().length === 0) await s.step();
    const reported = s.reported().length;
    s.store.reset();
    await s.runAll();
    expect(s.texts()).toEqual([]);
    expect(s.reported()).toHaveLength(reported);
  });

  it('another conversation opened while it is reported: that one is still restored as history', async () => {
    const s = setup();
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: entries(LONG) });
    while (s.texts().length === 0) await s.step();
    s.store.openConversation('c2');
    await s.runAll();
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c2', entries: entries(3) });
    expect(s.texts()).toEqual(['Entry 0', 'Entry 1', 'Entry 2']);
    expect(s.store.state.messages.value.every((m) => m.history)).toBe(true);
  });

  it('another conversation opened meanwhile shows only its own transcript; frames that waited are handled in order', async () => {
    const s = setup();
    s.hub.receive({ type: 'conversation_transcript', conversationId: 'c1', entries: entries(LONG) });
    s.hub.receive({
      type: 'bot_message',
      conversationId: 'c1',
      messageId: 'late',
      parts: [{ kind: 'text', text: 'Late c1 reply' }],
    });
    await s.step();
    s.store.openConversation('c2');
    s.hub.receive({
      type: 'conversation_transcript',
      conversationId: 'c2',
      entries: [{ sender: 'bot', parts: [{ kind: 'text', text: 'Only c2' }], actions: [] }],
    });
    await s.runAll();
    expect(s.store.state.conversationId.value).toBe('c2');
    expect(s.texts()).toEqual(['Only c2']);
    // The reply that waited behind c1's transcript was handled before the switch (and left with c1).
    expect(s.reported()).toEqual(['Late c1 reply', 'Only c2']);
  });
});
