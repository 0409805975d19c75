import { describe, expect, it } from 'vitest';
import { decode } from './decode';
import { senderOf } from './decode-transcript';
import { LIMITS } from './guards';
import type { TranscriptEntry } from './model';
import { decodeFrame } from './test-fixtures';

function entries(payload: unknown): TranscriptEntry[] {
  const f = decodeFrame('conversation_transcript', payload);
  if (f.type !== 'conversation_transcript') throw new Error('wrong frame');
  return f.entries;
}

describe('decode: conversation_transcript', () => {
  it('maps `from` after trimming and lower-casing', () => {
    const froms = ['user', 'bot', 'chatbot', 'agent ', 'livechat', ' LiveChat ', 'Agent', 'USER', ' Bot\n'];
    expect(froms.map(senderOf)).toEqual([
      'user',
      'bot',
      'bot',
      'agent',
      'agent',
      'agent',
      'agent',
      'user',
      'bot',
    ]);
    for (const from of ['system', '', 'constructor', '__proto__', 5, null, undefined])
      expect(senderOf(from)).toBeUndefined();
  });

  it('skips entries with an unknown sender and keeps the order of the rest', () => {
    const messages = [
      { from: 'agent ', messages: ['a'] },
      { from: 'system', messages: ['s'] },
      { from: 'user', messages: ['u'] },
      'not an entry',
    ];
    expect(entries({ messages }).map((e) => [e.sender, e.parts])).toEqual([
      ['agent', [{ kind: 'text', text: 'a' }]],
      ['user', [{ kind: 'text', text: 'u' }]],
    ]);
  });

  it('flattens transcript groups in order', () => {
    const transcript = [
      {
        event_id: 'e1',
        messages: [
          { from: 'user', messages: ['1'] },
          { from: 'bot', messages: ['2'] },
        ],
      },
      { event_id: 'e2', messages: [] },
      { event_id: 'e3', messages: [{ from: 'livechat', messages: ['3'] }] },
      { event_id: 'e4' },
      { from: 'user', messages: ['4'] },
    ];
    expect(entries({ transcript }).map((e) => e.parts)).toEqual(
      ['1', '2', '3', '4'].map((text) => [{ kind: 'text', text }]),
    );
  });

  it('takes names from chatbotName for bots and livechatName for agents only', () => {
    const names = { chatbotName: 'Bot', livechatName: 'Live' };
    const got = entries({
      messages: ['user', 'bot', 'agent'].map((from) => ({ from, messages: ['x'], ...names })),
    });
    expect(got.map((e) => e.name)).toEqual([undefined, 'Bot', 'Live']);
  });

  it('merges entry and nested actions, once per id', () => {
    const [entry] = entries({
      messages: [
        {
          from: 'bot',
          actions: [{ id: 'a' }, { title: 'b ' }],
          messages: { idChat: 'c', messages: [], actions: [{ title: 'b' }, { action: 'c', data: { k: 1 } }] },
        },
      ],
    });
    expect(entry?.actions).toEqual([
      { id: 'a', data: {}, type: 'normal' },
      { id: 'b', data: {}, type: 'normal' },
      { id: 'c', data: { k: 1 }, type: 'normal' },
    ]);
  });

  it('drops entries with nothing to show, like the empty bot-first message', () => {
    expect(entries({ messages: [{ from: 'user', messages: [{ type: 'text', text: '' }] }] })).toEqual([]);
  });

  it('turns entry-level files into a files part when the messages carry none', () => {
    const [entry] = entries({
      transcript: [
        {
          messages: [
            {
              from: 'user',
              files: [{ filename: 'a.png', type: 'image/png', url: 'https://a' }],
              messages: [],
            },
          ],
        },
      ],
    });
    expect(entry?.parts).toEqual([
      { kind: 'files', files: [{ url: 'https://a', kind: 'image', name: 'a.png', mimeType: 'image/png' }] },
    ]);
  });

  it('rejects a payload with neither list, but accepts an empty one', () => {
    const r = decode({ event_type: 'conversation_transcript', event_payload: { conversation_id: 'c' } });
    expect(r.ok === false && r.rejection.reason).toBe('invalid_payload');
    expect(decodeFrame('conversation_transcript', { conversation_id: 'c', messages: [] })).toEqual({
      type: 'conversation_transcript',
      conversationId: 'c',
      entries: [],
    });
  });

  it('caps the number of entries, keeping the newest', () => {
    const messages = Array.from({ length: LIMITS.transcriptEntries + 500 }, (_, i) => ({
      from: 'user',
      messages: [`m${i}`],
    }));
    const texts = (list: TranscriptEntry[]) => list.map((e) => (e.parts[0] as { text: string }).text);
    const flat = entries({ messages });
    expect(flat).toHaveLength(LIMITS.transcriptEntries);
    expect(texts(flat)[0]).toBe('m500');
    expect(texts(flat).at(-1)).toBe(`m${LIMITS.transcriptEntries + 499}`);
    const older = [{ from: 'user', messages: ['older group'] }];
    const grouped = entries({ transcript: [{ messages: older }, { messages }] });
    expect(grouped).toHaveLength(LIMITS.transcriptEntries);
    expect(texts(grouped)[0]).toBe('m500');
    // Under the cap, groups keep their order.
    const small = entries({ transcript: [{ messages: older }, { messages: messages.slice(0, 2) }] });
    expect(texts(small)).toEqual(['older group', 'm0', 'm1']);
  });
});
