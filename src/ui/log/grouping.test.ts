// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { MessagePart, SenderKind } from '../../protocol/model';
import { type ChatMessage, createMessage } from '../../store/messages';
import { GROUP_WINDOW_MS, isShown, logRows } from './grouping';

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

/** Each row as [sender, starts a group]. */
const shape = (messages: ChatMessage[]) => logRows(messages).map((r) => [r.message.sender, r.first]);

describe('logRows', () => {
  it('starts a group at each change of sender', () => {
    const rows = shape([
      msg('bot', 0),
      msg('bot', 1000),
      msg('user', 2000),
      msg('user', 3000),
      msg('bot', 4000),
    ]);
    expect(rows).toEqual([
      ['bot', true],
      ['bot', false],
      ['user', true],
      ['user', false],
      ['bot', true],
    ]);
  });

  it('starts a new group after five minutes of silence', () => {
    const rows = shape([msg('bot', 0), msg('bot', GROUP_WINDOW_MS), msg('bot', 2 * GROUP_WINDOW_MS + 1)]);
    expect(rows.map(([, first]) => first)).toEqual([true, false, true]);
  });

  it('keeps different agents apart', () => {
    const rows = shape([
      msg('agent', 0, { senderName: 'Dana' }),
      msg('agent', 1, { senderName: 'Dana' }),
      msg('agent', 2, { senderName: 'Lee' }),
    ]);
    expect(rows.map(([, first]) => first)).toEqual([true, false, true]);
  });

  it('never groups system notices, not even with each other', () => {
    expect(shape([msg('system', 0), msg('system', 1), msg('bot', 2)])).toEqual([
      ['system', true],
      ['system', true],
      ['bot', true],
    ]);
  });

  it('keeps the bot grouped whether or not a message carries the title as its name', () => {
    expect(shape([msg('bot', 0), msg('bot', 1, { senderName: 'Support' })])).toEqual([
      ['bot', true],
      ['bot', false],
    ]);
  });

  it('leaves out what has nothing to show, without breaking the group around it', () => {
    const a = msg('bot', 0);
    const rows = logRows([a, msg('bot', 1, {}, [{ kind: 'pause', ms: 5 }]), msg('bot', 2)]);
    expect(rows.map((r) => [r.message === a, r.first])).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(logRows([])).toEqual([]);
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
