import { describe, expect, it } from 'vitest';
import { createOutbox, itemToFrame, type OutboxItem } from './outbox';

const msg = (id: string, text = id): OutboxItem => ({ kind: 'message', id, text });

describe('outbox', () => {
  it('keeps items in order, once per id, and flushes until the socket is not ready', () => {
    const changes: number[] = [];
    const outbox = createOutbox((items) => changes.push(items.length));
    outbox.add(msg('a'));
    outbox.add(msg('b'));
    outbox.add(msg('a'));
    outbox.add(msg('c'));
    expect(outbox.items().map((i) => i.id)).toEqual(['a', 'b', 'c']);
    let budget = 2;
    const result = outbox.flush(() => (budget-- > 0 ? 'sent' : 'not_ready'));
    expect(result).toEqual({ sent: ['a', 'b'], tooLarge: [] });
    expect(outbox.items().map((i) => i.id)).toEqual(['c']);
    expect(changes.at(-1)).toBe(1);
  });

  it('drops an item the socket refuses as too large, and carries on with the next', () => {
    const outbox = createOutbox();
    outbox.add(msg('big'));
    outbox.add(msg('small'));
    const result = outbox.flush((item) => (item.id === 'big' ? 'too_large' : 'sent'));
    expect(result).toEqual({ sent: ['small'], tooLarge: ['big'] });
    expect(outbox.items()).toEqual([]);
  });

  it('builds each kind of frame with the conversation id current at send time', () => {
    expect(itemToFrame(msg('m1', 'hi'), 'conv').event).toEqual({
      event_type: 'user_message',
      event_payload: {
        type: 'message_create',
        client_msg_id: 'm1',
        conversation_id: 'conv',
        content: { type: 'text', text: 'hi' },
      },
    });
    expect(
      itemToFrame({ kind: 'action', id: 'a1', actionId: 'escalateToHuman', data: {} }, 'conv').event
        .event_payload,
    ).toEqual({
      type: 'normal',
      id: 'escalateToHuman',
      data: {},
      conversation_id: 'conv',
    });
    expect(
      itemToFrame({ kind: 'metadata', id: 'x1', metadata: { a: 1 } }, 'conv').event.event_payload,
    ).toMatchObject({
      metadata: { a: 1 },
      client_msg_id: 'x1',
      conversation_id: 'conv',
    });
  });
});
