import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../protocol';
import { type ChatMessage, createMessage } from './messages';
import { reconcile } from './reconcile';

const msg = (id: string, sender: ChatMessage['sender'], text: string, extra: Partial<ChatMessage> = {}) =>
  Object.assign(createMessage({ id, sender, parts: [{ kind: 'text', text }], at: 0, history: false }), extra);
const entry = (sender: TranscriptEntry['sender'], text: string): TranscriptEntry => ({
  sender,
  parts: [{ kind: 'text', text }],
  actions: [],
});
const make = (e: TranscriptEntry, i: number) =>
  createMessage({ id: `t${i}`, sender: e.sender, parts: e.parts, at: 0, history: false });
const ids = (ms: ChatMessage[]) => ms.map((m) => m.id);

describe('reconcile', () => {
  it('keeps what is on screen, confirms what the hub has and reports what it lacks', () => {
    const local = [
      msg('u1', 'user', 'hi'),
      msg('b1', 'bot', 'hello'),
      msg('u2', 'user', 'two'),
      msg('u3', 'user', 'three'),
    ];
    const result = reconcile(
      local,
      [entry('user', 'hi'), entry('bot', 'hello'), entry('user', 'two')],
      new Set(['u2', 'u3']),
      make,
    );
    expect(ids(result.messages)).toEqual(['u1', 'b1', 'u2', 'u3']);
    expect(result.messages[0]).toBe(local[0]);
    expect(result.confirmed).toEqual(['u2']);
    expect(result.missing).toEqual(['u3']);
    expect(result.added).toEqual([]);
  });

  it('adds the replies produced while the socket was down, in the hub order', () => {
    const local = [msg('u1', 'user', 'question'), msg('u2', 'user', 'another')];
    const result = reconcile(
      local,
      [
        entry('user', 'question'),
        entry('bot', 'answer 1'),
        entry('agent', 'agent note'),
        entry('user', 'another'),
        entry('bot', 'answer 2'),
      ],
      new Set(['u2']),
      make,
    );
    expect(ids(result.messages)).toEqual(['u1', 't1', 't2', 'u2', 't4']);
    expect(ids(result.added)).toEqual(['t1', 't2', 't4']);
    expect(result.confirmed).toEqual(['u2']);
  });

  it('restores everything from an empty screen, with pending messages placed where the hub has them', () => {
    const pending = msg('p1', 'user', 'sent before reload');
    const result = reconcile(
      [pending],
      [
        entry('user', 'old'),
        entry('bot', 'old reply'),
        entry('user', 'sent before reload'),
        entry('bot', 'new reply'),
      ],
      new Set(['p1']),
      make,
    );
    expect(ids(result.messages)).toEqual(['t0', 't1', 'p1', 't3']);
    expect(result.confirmed).toEqual(['p1']);
  });

  it('treats a bot message split at pauses as one transcript entry', () => {
    const local = [
      msg('b1', 'bot', 'first part'),
      msg('b1#1', 'bot', 'second part'),
      msg('u1', 'user', 'ok'),
    ];
    const result = reconcile(
      local,
      [entry('bot', 'first part second part'), entry('user', 'ok')],
      new Set(['u1']),
      make,
    );
    expect(ids(result.messages)).toEqual(['b1', 'b1#1', 'u1']);
    expect(result.added).toEqual([]);
    expect(result.confirmed).toEqual(['u1']);
  });

  it('compares a quick reply by the value sent, not the label shown', () => {
    const local = [msg('u1', 'user', 'Show cards', { sentParts: [{ kind: 'text', text: 'cards' }] })];
    const result = reconcile(local, [entry('user', 'cards')], new Set(['u1']), make);
    expect(result.confirmed).toEqual(['u1']);
    expect(result.added).toEqual([]);
  });

  it('one message the hub words differently does not duplicate everything after it', () => {
    const local = [
      msg('b1', 'bot', 'fetched large message'),
      msg('u1', 'user', 'next'),
      msg('b2', 'bot', 'reply'),
    ];
    const result = reconcile(
      local,
      [entry('bot', '[large message]'), entry('user', 'next'), entry('bot', 'reply')],
      new Set(),
      make,
    );
    expect(ids(result.messages)).toEqual(['t0', 'b1', 'u1', 'b2']);
    expect(ids(result.added)).toEqual(['t0']);
  });

  it('a long conversation read again adds nothing, however many entries it has', () => {
    const texts = Array.from({ length: 500 }, (_, i) => `message ${i}`);
    const local = texts.flatMap((t, i) => [msg(`u${i}`, 'user', t), msg(`b${i}`, 'bot', `echo ${t}`)]);
    const entries = texts.flatMap((t) => [entry('user', t), entry('bot', `echo ${t}`)]);
    const result = reconcile(local, entries, new Set(['u499']), make);
    expect(result.added).toEqual([]);
    expect(ids(result.messages)).toEqual(ids(local));
    expect(result.confirmed).toEqual(['u499']);
  });

  it('keeps system notices after the message they followed', () => {
    const notice = msg('s1', 'system', 'Dana joined the chat');
    const local = [msg('u1', 'user', 'agent please'), notice, msg('a1', 'agent', 'hi')];
    const result = reconcile(local, [entry('user', 'agent please'), entry('agent', 'hi')], new Set(), make);
    expect(ids(result.messages)).toEqual(['u1', 's1', 'a1']);
  });

  it('matches whitespace-insensitively', () => {
    const local = [msg('u1', 'user', 'two  spaces\nand a line')];
    expect(
      reconcile(local, [entry('user', 'two spaces and a line ')], new Set(['u1']), make).confirmed,
    ).toEqual(['u1']);
  });

  it('tolerates a different interleaving of visitor and bot messages (typed fast, answered later)', () => {
    const local = ['u1', 'u2', 'u3'].map((id) => msg(id, 'user', `q${id}`));
    local.push(...['u1', 'u2', 'u3'].map((id) => msg(`b-${id}`, 'bot', `a${id}`)));
    const entries = ['u1', 'u2', 'u3'].flatMap((id) => [entry('user', `q${id}`), entry('bot', `a${id}`)]);
    const result = reconcile(local, entries, new Set(['u1', 'u2', 'u3']), make);
    expect(ids(result.messages)).toEqual(['u1', 'u2', 'u3', 'b-u1', 'b-u2', 'b-u3']);
    expect(result.added).toEqual([]);
    expect(result.confirmed).toEqual(['u1', 'u2', 'u3']);
  });

  it('reports a pending message the hub skipped as missing even when a later one arrived', () => {
    const local = [msg('u1', 'user', 'one'), msg('u2', 'user', 'two')];
    const result = reconcile(local, [entry('user', 'two')], new Set(['u1', 'u2']), make);
    expect(result.confirmed).toEqual(['u2']);
    expect(result.missing).toEqual(['u1']);
  });

  it('a screen holding only the newest part of a conversation with repeated replies adds only the older part', () => {
    // The bot says "Thanks!" after every third question: an older "Thanks!" must not stand in for a newer one.
    const conversation = Array.from({ length: 300 }, (_, i) =>
      i % 2 ? entry('bot', i % 3 ? `answer ${i}` : 'Thanks!') : entry('user', `question ${i}`),
    );
    const local = conversation
      .slice(200)
      .map((e, i) => msg(`s${200 + i}`, e.sender, (e.parts[0] as { text: string }).text));
    const result = reconcile(local, conversation, new Set(), make, 50);
    expect(result.added.map((m) => m.id)).toEqual(Array.from({ length: 50 }, (_, i) => `t${150 + i}`));
    expect(ids(result.messages).slice(50)).toEqual(ids(local));
    expect(result.leftEarlier).toBe(true);
  });

  it('a screen holding the whole conversation gets the replies made while away at the end, repeated or not', () => {
    const conversation = Array.from({ length: 60 }, (_, i) =>
      i % 2 ? entry('bot', i % 3 ? `answer ${i}` : 'Thanks!') : entry('user', `question ${i}`),
    );
    const local = conversation
      .slice(0, 56)
      .map((e, i) => msg(`s${i}`, e.sender, (e.parts[0] as { text: string }).text));
    const result = reconcile(local, conversation, new Set(), make);
    expect(result.added.map((m) => m.id)).toEqual(['t56', 't57', 't58', 't59']);
    expect(ids(result.messages)).toEqual([...ids(local), 't56', 't57', 't58', 't59']);
  });

  it('never shows a message twice when the screen orders a stream differently from the hub', () => {
    // Two echoes made during an outage were added by an earlier reconcile in the other order.
    const local = [
      msg('u1', 'user', 'q1'),
      msg('b2', 'bot', 'a2'),
      msg('b1', 'bot', 'a1'),
      msg('b3', 'bot', 'a3'),
    ];
    const entries = [entry('user', 'q1'), entry('bot', 'a1'), entry('bot', 'a2'), entry('bot', 'a3')];
    const result = reconcile(local, entries, new Set(), make);
    expect(result.added).toEqual([]);
    expect(ids(result.messages)).toEqual(['u1', 'b2', 'b1', 'b3']);
  });

  it("keeps each stream's order when the other stream sits elsewhere on screen", () => {
    // The echoes of q2 and q3 reached the screen late, after q4; q2 and q3 themselves are not on screen (a
    // reload dropped their places). Anchored on those echoes, they would land after q4.
    const local = [
      msg('u1', 'user', 'q1'),
      msg('b1', 'bot', 'a1'),
      msg('u4', 'user', 'q4'),
      msg('b2', 'bot', 'a2'),
      msg('b3', 'bot', 'a3'),
      msg('b4', 'bot', 'a4'),
    ];
    const entries = [
      entry('user', 'q1'),
      entry('bot', 'a1'),
      entry('user', 'q2'),
      entry('bot', 'a2'),
      entry('user', 'q3'),
      entry('bot', 'a3'),
      entry('user', 'q4'),
      entry('bot', 'a4'),
    ];
    const result = reconcile(local, entries, new Set(), make);
    expect(ids(result.messages)).toEqual(['u1', 'b1', 't2', 't4', 'u4', 'b2', 'b3', 'b4']);
    expect(ids(result.added)).toEqual(['t2', 't4']);
  });

  it('whatever the screen dropped and however late the replies came, each stream ends in the hub order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ replyDelay: fc.nat(4), userKept: fc.boolean(), replyKept: fc.boolean() }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.nat(3),
        (turns, waiting) => {
          // The hub files each question, then its answer; the screen shows each answer `replyDelay` questions
          // later (never before an earlier answer), and lost some of either.
          const entries = turns.flatMap((_, i) => [entry('user', `q${i}`), entry('bot', `a${i}`)]);
          const local: ChatMessage[] = [];
          let shownReplies = 0;
          const showRepliesUpTo = (limit: number) => {
            for (; shownReplies <= limit && shownReplies < turns.length; shownReplies++)
              if (turns[shownReplies]!.replyKept)
                local.push(msg(`b${shownReplies}`, 'bot', `a${shownReplies}`));
          };
          turns.forEach((turn, i) => {
            if (turn.userKept) local.push(msg(`u${i}`, 'user', `q${i}`));
            showRepliesUpTo(i - turn.replyDelay);
          });
          // Typed last, not at the hub yet; the replies still due come after them.
          const typedLast = Array.from({ length: waiting }, (_, k) => `p${k}`);
          for (const text of typedLast) local.push(msg(text, 'user', text));
          showRepliesUpTo(turns.length);
          const result = reconcile(local, entries, new Set(typedLast), make);
          expect(result.missing).toEqual(typedLast);
          const texts = (sender: string) =>
            result.messages
              .filter((m) => m.sender === sender)
              .map((m) => (m.parts[0] as { text: string }).text);
          expect(texts('user')).toEqual([...turns.map((_, i) => `q${i}`), ...typedLast]);
          expect(texts('bot')).toEqual(turns.map((_, i) => `a${i}`));
        },
      ),
      { numRuns: 500 },
    );
  });
});
