import { describe, expect, it } from 'vitest';
import { decode } from './decode';
import { decodeFrame } from './test-fixtures';

function actionIds(payload: unknown): string[] | string {
  const r = decode({ event_type: 'action', event_payload: payload });
  if (!r.ok) return r.rejection.reason;
  return r.frame.type === 'action' ? r.frame.actions.map((a) => a.id) : 'wrong type';
}

describe('decode: action', () => {
  it('trims ids, which arrive with trailing spaces', () => {
    expect(actionIds({ actions: [{ id: 'redirectToContactUs ' }, { id: '\t escalateToHuman\n' }] })).toEqual([
      'redirectToContactUs',
      'escalateToHuman',
    ]);
    expect(actionIds({ id: ' getLocation ' })).toEqual(['getLocation']);
  });

  it('takes the id from id, then title, then action', () => {
    expect(
      actionIds({
        actions: [
          { id: 'a', title: 'b', action: 'c' },
          { title: 'b', action: 'c' },
          { type: 'normal', action: 'c' },
          { id: null, title: 'd' },
        ],
      }),
    ).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reads the manual seed shape {actionType, details}', () => {
    const f = decodeFrame('action', {
      actions: [
        { actionType: ' sendTranscript ', details: { email: 'a@b.c' } },
        { actionType: 'getLocation' },
      ],
    });
    expect(f.type === 'action' && f.actions).toEqual([
      { id: 'sendTranscript', data: { email: 'a@b.c' }, type: 'normal' },
      { id: 'getLocation', data: {}, type: 'normal' },
    ]);
  });

  it('skips items whose id is blank or not a string', () => {
    expect(
      actionIds({ actions: [{ id: '   ' }, { id: 5 }, {}, null, 'escalateToHuman', { id: 'ok' }] }),
    ).toEqual(['ok']);
  });

  it('rejects an action event with no usable action', () => {
    for (const payload of [{}, { actions: [] }, { actions: [{ id: ' ' }] }, { id: 3 }]) {
      expect(actionIds(payload)).toBe('invalid_payload');
    }
  });

  it('falls back to the legacy top-level action when the list has none', () => {
    expect(actionIds({ actions: [], id: 'legacy' })).toEqual(['legacy']);
  });

  it('accepts a single action object in place of the list', () => {
    expect(actionIds({ actions: { id: 'one' } })).toEqual(['one']);
  });

  it('defaults data to {} and type to normal, and copies data', () => {
    const data = { url: 'https://x', nested: { a: [1] } };
    const f = decodeFrame('action', {
      actions: [
        { id: 'a', data, type: 'custom' },
        { id: 'b', data: [1], type: 7 },
      ],
    });
    expect(f).toEqual({
      type: 'action',
      actions: [
        { id: 'a', data, type: 'custom' },
        { id: 'b', data: {}, type: 'normal' },
      ],
    });
    expect(f.type === 'action' && f.actions[0]?.data).not.toBe(data);
  });

  it('caps the number of actions', () => {
    const actions = Array.from({ length: 500 }, (_, i) => ({ id: `a${i}` }));
    expect(actionIds({ actions })).toHaveLength(50);
  });
});
