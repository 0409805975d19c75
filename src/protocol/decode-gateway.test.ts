import { describe, expect, it } from 'vitest';
import { decode } from './decode';

const frameOf = (raw: unknown) => {
  const r = decode(raw);
  if (!r.ok) throw new Error(`rejected: ${r.rejection.detail}`);
  return r.frame;
};

describe('decode: frames the API gateway writes itself', () => {
  it('names a refused route, a failed hub and throttling by stable codes', () => {
    const cases: [string, string][] = [
      ['Forbidden', 'gateway_forbidden'],
      ['Missing Authentication Token', 'gateway_forbidden'],
      ['Internal server error', 'gateway_server_error'],
      ['Endpoint request timed out', 'gateway_server_error'],
      ['Too Many Requests', 'gateway_rate_limited'],
      ['Limit Exceeded', 'gateway_rate_limited'],
      ['Rate exceeded', 'gateway_rate_limited'],
      ['Moderate load, separate queue', 'gateway_error'],
      ['Something new', 'gateway_error'],
    ];
    for (const [message, code] of cases) {
      const raw = JSON.stringify({ message, connectionId: 'Vp6x=', requestId: 'r-1' });
      expect(frameOf(raw)).toEqual({ type: 'gateway_error', code, message, requestId: 'r-1' });
    }
  });

  it('accepts an already parsed frame and one without ids', () => {
    expect(frameOf({ message: 'Forbidden' })).toEqual({
      type: 'gateway_error',
      code: 'gateway_forbidden',
      message: 'Forbidden',
    });
  });

  it('clips a long message instead of passing it on whole', () => {
    const frame = frameOf({ message: `Forbidden ${'x'.repeat(5000)}` });
    expect(frame.type === 'gateway_error' && frame.message.length).toBeLessThanOrEqual(101);
  });

  it('leaves events, blank messages and non-objects to the usual rules', () => {
    expect(decode({ message: '   ' })).toMatchObject({ ok: false, rejection: { reason: 'not_event' } });
    expect(decode({ message: 3 })).toMatchObject({ ok: false, rejection: { reason: 'not_event' } });
    expect(decode('["Forbidden"]')).toMatchObject({ ok: false, rejection: { reason: 'not_event' } });
    expect(decode('{"message":')).toMatchObject({ ok: false, rejection: { reason: 'not_json' } });
    // A hub event that happens to carry a `message` field is still the event.
    const event = decode({
      event_type: 'socket_connected',
      message: 'Forbidden',
      event_payload: { socket_id: 's' },
    });
    expect(event.ok && event.frame).toEqual({ type: 'socket_connected', socketId: 's' });
    const wrapped = decode({
      message: 'Forbidden',
      event: { event_type: 'socket_connected', event_payload: {} },
    });
    expect(wrapped.ok && wrapped.frame.type).toBe('socket_connected');
  });
});

describe('decode: events the manual lists as received', () => {
  it('reads metadata_request as the conversation metadata it carries', () => {
    const r = decode({
      event_type: 'metadata_request',
      event_payload: { conversation_id: 'c', metadata: { page: '/p' } },
    });
    expect(r.ok && r.frame).toEqual({
      type: 'conversation_metadata',
      conversationId: 'c',
      metadata: { page: '/p' },
    });
  });

  it('reads get_conversations as the list of conversations it carries', () => {
    const r = decode({
      event_type: 'get_conversations',
      event_payload: { conversations: [{ conversation_id: 'c1', metadata: { a: 1 } }] },
    });
    expect(r.ok && r.frame).toMatchObject({
      type: 'user_conversations',
      conversations: [{ conversationId: 'c1', metadata: { a: 1 } }],
    });
  });
});
