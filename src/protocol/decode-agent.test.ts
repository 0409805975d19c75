import { describe, expect, it } from 'vitest';
import { decode } from './decode';
import { decodeAgent } from './decode-agent';
import { decodeFrame } from './test-fixtures';

describe('decode: conversation_update (agent)', () => {
  it('maps the three types to statuses', () => {
    const statuses = ['livechatAgentConnected', 'livechatAgentDisconnected', 'failedAgentAssignment'].map(
      (type) => {
        const f = decodeFrame('conversation_update', { type, conversation_id: 'c' });
        return f.type === 'agent_update' ? f.status : f.type;
      },
    );
    expect(statuses).toEqual(['connected', 'disconnected', 'failed']);
  });

  it('rejects a conversation_update without a string type', () => {
    for (const type of [undefined, 3, '', '  ', null, {}]) {
      const r = decode({ event_type: 'conversation_update', event_payload: { type } });
      expect(r.ok === false && r.rejection.reason).toBe('invalid_payload');
    }
  });

  it('keeps other types, prototype names included, as a generic update with its data', () => {
    for (const type of ['livechatQueuePosition', 'constructor', '__proto__']) {
      const r = decode({
        event_type: 'conversation_update',
        event_payload: { type, conversation_id: 'c1', data: { position: 3, __proto__: { polluted: 1 } } },
      });
      expect(r.ok && r.frame).toEqual({
        type: 'conversation_update',
        updateType: type,
        conversationId: 'c1',
        data: { position: 3 },
      });
    }
    const bare = decode({ event_type: 'conversation_update', event_payload: { type: 'closed', data: 'x' } });
    expect(bare.ok && bare.frame).toEqual({ type: 'conversation_update', updateType: 'closed', data: {} });
  });

  it('finds the name and avatar under agentInfo, agent, or data itself', () => {
    expect(decodeAgent({ agentInfo: { name: 'Dana', avatar: 'https://a' } })).toMatchObject({
      name: 'Dana',
      avatar: 'https://a',
    });
    expect(decodeAgent({ agent: { displayName: 'Eli', avatarUrl: 'https://b' } })).toMatchObject({
      name: 'Eli',
      avatar: 'https://b',
    });
    expect(decodeAgent({ agentName: ' Fay ', avatar_url: 'https://c' })).toMatchObject({
      name: 'Fay',
      avatar: 'https://c',
    });
    expect(decodeAgent({ firstName: 'Gus', lastName: 'Ho', picture: 'https://d' })).toMatchObject({
      name: 'Gus Ho',
      avatar: 'https://d',
    });
    expect(decodeAgent({ agent: { lastName: 'Ives' }, image: 'https://e' })).toMatchObject({
      name: 'Ives',
      avatar: 'https://e',
    });
  });

  it('prefers agentInfo over agent over data, field by field', () => {
    const agent = decodeAgent({
      agentInfo: { name: 'A' },
      agent: { name: 'B', avatar: 'https://b' },
      avatar: 'https://d',
    });
    expect(agent).toMatchObject({ name: 'A', avatar: 'https://b' });
  });

  it('ignores non-string and blank fields', () => {
    expect(decodeAgent({ name: 5, avatar: { url: 'x' }, displayName: '  ' })).toEqual({
      raw: { name: 5, avatar: { url: 'x' }, displayName: '  ' },
    });
  });

  it('passes everything in `data` on as a fresh copy', () => {
    const data = { agentInfo: { name: 'Dana', team: 'Support' }, queue: 3 };
    const agent = decodeAgent(data);
    expect(agent?.raw).toEqual(data);
    expect(agent?.raw).not.toBe(data);
    expect(agent?.raw.agentInfo).not.toBe(data.agentInfo);
  });

  it('has no agent when data is missing, not an object, or empty', () => {
    for (const data of [undefined, null, 'Dana', [], {}]) expect(decodeAgent(data)).toBeUndefined();
  });
});
