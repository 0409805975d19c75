import { describe, expect, it } from 'vitest';
import { decode } from './decode';
import { decodeFrame } from './test-fixtures';

describe('decode: envelope', () => {
  it('rejects text that is not JSON', () => {
    for (const raw of ['{bad', '', 'undefined', '{"a":1']) {
      expect(decode(raw)).toEqual({
        ok: false,
        rejection: { reason: 'not_json', detail: expect.any(String) },
      });
    }
  });

  it('rejects JSON that is not an object with a string event_type', () => {
    const raws: unknown[] = ['[]', '"str"', '42', 'null', '{}', '{"event_type":7}', '{"event_type":"  "}'];
    raws.push([], null, undefined, 42, Symbol('x'), () => 1, new Uint8Array(4), { event: { event_type: 1 } });
    for (const raw of raws) {
      const r = decode(raw);
      expect(r.ok === false && r.rejection.reason).toBe('not_event');
    }
  });

  it('rejects an unknown event_type and says which', () => {
    expect(decode('{"event_type":"typing_indicator","event_payload":{}}')).toEqual({
      ok: false,
      rejection: { reason: 'unknown_event', eventType: 'typing_indicator', detail: expect.any(String) },
    });
  });

  it('does not look event types up on Object.prototype', () => {
    for (const eventType of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const r = decode({ event_type: eventType, event_payload: {} });
      expect(r.ok === false && r.rejection.reason).toBe('unknown_event');
    }
  });

  it('clips a huge event_type before putting it in a rejection', () => {
    const r = decode({ event_type: 'x'.repeat(100_000) });
    expect(r.ok === false && (r.rejection.eventType ?? '').length).toBeLessThanOrEqual(101);
  });

  it('accepts the wrapped and the bare envelope, with or without event_id', () => {
    const payload = { socket_id: 's1' };
    const want = { ok: true, frame: { type: 'socket_connected', socketId: 's1' } };
    expect(
      decode({ action: 'receiveMessage', event: { event_type: 'socket_connected', event_payload: payload } }),
    ).toEqual(want);
    expect(decode({ event_type: 'socket_connected', event_payload: payload })).toEqual(want);
    expect(decode({ event_type: 'socket_connected', event_payload: payload, event_id: 'e' })).toEqual({
      ...want,
      eventId: 'e',
    });
  });

  it('falls back to the bare reading when `event` is not an object', () => {
    expect(decode({ event: 'x', event_type: 'socket_connected' })).toEqual({
      ok: true,
      frame: { type: 'socket_connected' },
    });
  });

  it('treats a missing or non-object payload as empty', () => {
    expect(decode({ event_type: 'socket_connected' })).toEqual({
      ok: true,
      frame: { type: 'socket_connected' },
    });
    const r = decode({ event_type: 'conversation_start_success', event_payload: 'conv-1' });
    expect(r.ok === false && r.rejection).toEqual({
      reason: 'invalid_payload',
      eventType: 'conversation_start_success',
      detail: expect.any(String),
    });
  });
});

describe('decode: simple events', () => {
  it('requires a non-empty conversation_id on conversation_start_success', () => {
    for (const payload of [{}, { conversation_id: '' }, { conversation_id: '  ' }, { conversation_id: 5 }]) {
      const r = decode({ event_type: 'conversation_start_success', event_payload: payload });
      expect(r.ok === false && r.rejection.reason).toBe('invalid_payload');
    }
  });

  it('reads message ids from ch_msg_id, message_id or id', () => {
    const ids = [{ ch_msg_id: 'a' }, { message_id: 'b' }, { id: 'c' }, { ch_msg_id: '', id: 'd' }, {}].map(
      (ids) => {
        const f = decodeFrame('bot_message', { ...ids, content: ['x'] });
        return f.type === 'bot_message' ? f.messageId : 'wrong';
      },
    );
    expect(ids).toEqual(['a', 'b', 'c', 'd', undefined]);
  });

  it('keeps a message conversation_id only when it is a non-empty string', () => {
    expect(decodeFrame('livechat_message', { conversation_id: 'c1', content: [] })).toEqual({
      type: 'livechat_message',
      conversationId: 'c1',
      parts: [],
    });
    expect(decodeFrame('livechat_message', { conversation_id: '', content: 'hi' })).toEqual({
      type: 'livechat_message',
      parts: [{ kind: 'text', text: 'hi' }],
    });
  });

  it('rejects a message without content', () => {
    const r = decode({ event_type: 'bot_message', event_payload: { ch_msg_id: 'x' } });
    expect(r.ok === false && r.rejection.reason).toBe('invalid_payload');
  });

  it('reads conversation_metadata content as a record, or {}', () => {
    expect(decodeFrame('conversation_metadata', { content: ['x'] })).toEqual({
      type: 'conversation_metadata',
      metadata: {},
    });
    expect(decodeFrame('conversation_metadata', { metadata: { a: 1 } })).toEqual({
      type: 'conversation_metadata',
      metadata: { a: 1 },
    });
  });

  it('decodes the acknowledgements', () => {
    expect(decodeFrame('delete_conversation_success', {})).toEqual({ type: 'delete_conversation_success' });
    expect(decodeFrame('metadata_update_success', { conversation_id: 'c' })).toEqual({
      type: 'metadata_update_success',
      conversationId: 'c',
    });
    expect(decodeFrame('message_edited_success', { message_id: 'm' })).toEqual({
      type: 'message_edited_success',
      messageId: 'm',
    });
  });
});

describe('decode: general_error', () => {
  const base = { conversation_id: 'c', error_desc: 'Invalid conversation_id' };
  const want = (code: number) => ({
    type: 'general_error',
    code,
    conversationId: 'c',
    description: 'Invalid conversation_id',
  });

  it('reads numeric and numeric-string codes, top-level and nested in conversation_update', () => {
    for (const code of [400, '400', ' 400 ']) {
      expect(decodeFrame('general_error', { ...base, error_code: code })).toEqual(want(400));
      expect(
        decodeFrame('conversation_update', {
          event_type: 'general_error',
          event_payload: { ...base, error_code: code },
        }),
      ).toEqual(want(400));
    }
  });

  it('uses code 0 when the code is missing or not a number', () => {
    for (const code of [undefined, 'abc', '', null, {}, Number.POSITIVE_INFINITY, '1e999']) {
      expect(decodeFrame('general_error', { ...base, error_code: code })).toEqual(want(0));
    }
  });

  it('keeps message_link for 413', () => {
    expect(decodeFrame('general_error', { error_code: 413, message_link: 'https://h/m' })).toEqual({
      type: 'general_error',
      code: 413,
      messageLink: 'https://h/m',
    });
  });
});
