import { describe, expect, it } from 'vitest';
import { decodeHttpAnswer, decodeRestTranscript } from './decode-http';
import { deleteConversation, getUserConversations, metadataRequest, userMessage } from './encode';
import type { TranscriptEntry } from './model';

function entries(raw: unknown): TranscriptEntry[] {
  const r = decodeRestTranscript(raw, 'c1');
  if (!r.ok || r.frame.type !== 'conversation_transcript') throw new Error(JSON.stringify(r));
  return r.frame.entries;
}

describe('decodeHttpAnswer', () => {
  it('rejects an answer that could not be read, or is not an object, where one was due', () => {
    expect(decodeHttpAnswer(metadataRequest('c1'), undefined)).toMatchObject({
      kind: 'rejected',
      rejection: { reason: 'not_json', eventType: 'metadata_request' },
    });
    expect(decodeHttpAnswer(getUserConversations('u'), [1, 2])).toMatchObject({
      kind: 'rejected',
      rejection: { reason: 'not_event' },
    });
    expect(decodeHttpAnswer(getUserConversations('u'), { conversations: 'none' })).toMatchObject({
      kind: 'rejected',
      rejection: { reason: 'invalid_payload', detail: 'conversations is not a list' },
    });
  });

  it('confirms by the 2xx alone, naming what the request named', () => {
    for (const answer of [undefined, 'OK', 42, { unrelated: true }]) {
      expect(decodeHttpAnswer(deleteConversation('c1'), answer)).toEqual({
        kind: 'frame',
        frame: { type: 'delete_conversation_success', conversationId: 'c1' },
      });
    }
  });

  it('takes a body that says it failed as a rejection, wrapped or not', () => {
    expect(decodeHttpAnswer(deleteConversation('c1'), { status: 'error', error: 'nope' })).toMatchObject({
      kind: 'rejected',
      rejection: { detail: 'nope' },
    });
    expect(
      decodeHttpAnswer(metadataRequest('c1'), { event: { event_payload: { success: false } } }),
    ).toMatchObject({ kind: 'rejected', rejection: { detail: 'the hub says the request failed' } });
  });

  it('finds nothing in the answer to an event whose replies come over the socket', () => {
    const send = userMessage({ conversationId: 'c1', clientMsgId: 'm', text: 'x' });
    expect(decodeHttpAnswer(send, { conversations: [] })).toEqual({ kind: 'none' });
  });

  it('never lets metadata reach an object prototype', () => {
    const r = decodeHttpAnswer(metadataRequest('c1'), JSON.parse('{"__proto__":{"polluted":1},"plan":"x"}'));
    expect(r).toEqual({
      kind: 'frame',
      frame: { type: 'conversation_metadata', conversationId: 'c1', metadata: { plan: 'x' } },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('decodeRestTranscript', () => {
  it('takes the list bare, in {transcript}, in {messages} or wrapped like an event, as object or text', () => {
    const list = [{ from: 'user', text: 'hi' }];
    const expected = [{ sender: 'user', parts: [{ kind: 'text', text: 'hi' }], actions: [] }];
    expect(entries(list)).toEqual(expected);
    expect(entries({ transcript: list })).toEqual(expected);
    expect(entries(JSON.stringify({ messages: list }))).toEqual(expected);
    expect(entries({ event: { event_payload: { transcript: list } } })).toEqual(expected);
  });

  it('rejects what holds no transcript, rather than report an empty history', () => {
    expect(decodeRestTranscript({ transcript: null }, 'c1')).toMatchObject({
      ok: false,
      rejection: { reason: 'invalid_payload' },
    });
    expect(decodeRestTranscript('<html>', 'c1')).toMatchObject({
      ok: false,
      rejection: { reason: 'not_json' },
    });
    expect(decodeRestTranscript(null, 'c1')).toMatchObject({ ok: false, rejection: { reason: 'not_event' } });
  });

  it('reads times in seconds, milliseconds or as dates, and drops what is no time', () => {
    const at = (v: unknown) => entries([{ from: 'bot', text: 'x', timestamp: v }])[0]!.at;
    expect(at(1704063600)).toBe(1704063600000);
    expect(at(1704063600123)).toBe(1704063600123);
    expect(at('1704063600')).toBe(1704063600000);
    expect(at('2024-01-01T00:00:00Z')).toBe(1704067200000);
    for (const bad of ['yesterday', -5, 0, 1e300, true, {}]) expect(at(bad)).toBeUndefined();
  });

  it('puts `text` first when `content` holds only the other parts, and never twice', () => {
    const [a, b] = entries([
      { from: 'bot', text: 'see', content: [{ type: 'pause', time: 5 }] },
      { from: 'bot', text: 'same', content: [{ type: 'text', text: 'same' }] },
    ]);
    expect(a!.parts).toEqual([
      { kind: 'text', text: 'see' },
      { kind: 'pause', ms: 5 },
    ]);
    expect(b!.parts).toEqual([{ kind: 'text', text: 'same' }]);
  });

  it('skips the empty bot-first message and entries with nothing to show', () => {
    expect(
      entries([
        { from: 'user', text: '', content: { type: 'text', text: '' } },
        { from: 'bot', files: [] },
        { from: 'bot', text: 'hello', id: 7 },
      ]),
    ).toEqual([{ sender: 'bot', parts: [{ kind: 'text', text: 'hello' }], actions: [] }]);
  });
});
