// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { MessagePart, SenderKind } from '../protocol/model';
import { type ChatMessage, createMessage } from '../store/messages';
import { GROUP_WINDOW_MS, groupMessages, isShown, sameGroup } from './grouping';

let n = 0;
function msg(
  sender: SenderKind,
  at: number,
  extra: Partial<Pick<ChatMessage, 'senderName'>> = {},
  parts?: MessagePart[],
): ChatMessage {
  n += 1;
  return createMessage({
    id: `m${n}`,
    sender,
    at,
    history: false,
    parts: parts ?? [{ kind: 'text', text: `text ${n}` }],
    ...extra,
  });
}

describe('groupMessages', () => {
  it('groups consecutive messages of one sender', () => {
    const a = msg('bot', 0);
    const b = msg('bot', 1000);
    const c = msg('user', 2000);
    const d = msg('user', 3000);
    const e = msg('bot', 4000);
    const groups = groupMessages([a, b, c, d, e]);
    expect(groups.map((g) => [g.sender, g.messages.map((m) => m.id)])).toEqual([
      ['bot', [a.id, b.id]],
      ['user', [c.id, d.id]],
      ['bot', [e.id]],
    ]);
    expect(groups[0]?.key).toBe(a.id);
    expect(groups[0]?.at).toBe(0);
  });

  it('starts a new group after five minutes of silence', () => {
    const a = msg('bot', 0);
    const b = msg('bot', GROUP_WINDOW_MS);
    const c = msg('bot', 2 * GROUP_WINDOW_MS + 1);
    expect(groupMessages([a, b, c]).map((g) => g.messages.length)).toEqual([2, 1]);
  });

  it('keeps different agents apart and carries the agent name', () => {
    const a = msg('agent', 0, { senderName: 'Dana' });
    const b = msg('agent', 1, { senderName: 'Dana' });
    const c = msg('agent', 2, { senderName: 'Lee' });
    const groups = groupMessages([a, b, c]);
    expect(groups.map((g) => [g.senderName, g.messages.length])).toEqual([
      ['Dana', 2],
      ['Lee', 1],
    ]);
  });

  it('never groups system notices, not even with each other', () => {
    const groups = groupMessages([msg('system', 0), msg('system', 1), msg('bot', 2)]);
    expect(groups.map((g) => g.sender)).toEqual(['system', 'system', 'bot']);
  });

  it('keeps the bot grouped whether or not a message carries the title as its name', () => {
    const groups = groupMessages([msg('bot', 0), msg('bot', 1, { senderName: 'Support' })]);
    expect(groups).toHaveLength(1);
  });

  it('returns no groups for no messages', () => {
    expect(groupMessages([])).toEqual([]);
  });
});

describe('isShown', () => {
  it('hides messages with nothing to show, never system notices', () => {
    expect(isShown(msg('bot', 0, {}, [{ kind: 'pause', ms: 500 }]))).toBe(false);
    expect(isShown(msg('bot', 0, {}, [{ kind: 'unknown', type: 'x', raw: {} }]))).toBe(false);
    expect(isShown(msg('bot', 0, {}, []))).toBe(false);
    expect(isShown(msg('user', 0, {}, [{ kind: 'text', text: '' }]))).toBe(false);
    expect(isShown(msg('system', 0, {}, []))).toBe(true);
    expect(isShown(msg('bot', 0, {}, [{ kind: 'cards', cards: [{ title: 'A' }] }]))).toBe(true);
  });
});

describe('sameGroup', () => {
  it('is true for a recomputed group with the same messages, false once one is appended', () => {
    const a = msg('bot', 0);
    const b = msg('bot', 1);
    const [first] = groupMessages([a]);
    const [again] = groupMessages([a]);
    const [grown] = groupMessages([a, b]);
    expect(sameGroup(first!, again!)).toBe(true);
    expect(sameGroup(first!, grown!)).toBe(false);
  });
});
