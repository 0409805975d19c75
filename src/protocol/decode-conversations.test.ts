import { describe, expect, it } from 'vitest';
import { decode } from './decode';
import { decodeFrame } from './test-fixtures';

describe('decode: user_conversations', () => {
  it('keeps conversations with a string id and defaults metadata to {}', () => {
    const conversations = [
      { conversation_id: 'a', metadata: 'x' },
      { conversation_id: 7 },
      null,
      { conversation_id: 'b' },
    ];
    expect(decodeFrame('user_conversations', { conversations })).toEqual({
      type: 'user_conversations',
      conversations: [
        { conversationId: 'a', metadata: {} },
        { conversationId: 'b', metadata: {} },
      ],
    });
  });

  it('accepts numeric strings in pagination and derives missing flags', () => {
    const f = decodeFrame('user_conversations', {
      conversations: [],
      pagination: { page: '2', pageSize: '10', total: '35', totalPages: 4 },
    });
    expect(f.type === 'user_conversations' && f.pagination).toEqual({
      hasNextPage: true,
      hasPrevPage: true,
      page: 2,
      pageSize: 10,
      total: 35,
      totalPages: 4,
    });
  });

  it('leaves out pagination that is not sane', () => {
    for (const pagination of [
      null,
      'x',
      { page: 1 },
      { page: -1, pageSize: 1, total: 1, totalPages: 1 },
      { page: 1.5, pageSize: 1, total: 1, totalPages: 1 },
    ]) {
      const f = decodeFrame('user_conversations', { conversations: [], pagination });
      expect(f).toEqual({ type: 'user_conversations', conversations: [] });
    }
  });

  it('rejects a payload whose conversations is not a list', () => {
    const r = decode({ event_type: 'user_conversations', event_payload: { conversations: {} } });
    expect(r.ok === false && r.rejection.reason).toBe('invalid_payload');
  });
});
