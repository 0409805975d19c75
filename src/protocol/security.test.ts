import { afterEach, describe, expect, it } from 'vitest';
import { decode } from './decode';
import { safeRecord, safeValue } from './safe-record';
import { checkResult } from './test-well-formed';

/** The kind of naive deep merge a store might write; it is what turns `__proto__` keys into pollution. */
function naiveMerge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key in source) {
    const v = source[key];
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      naiveMerge(target[key] as Record<string, unknown>, v as Record<string, unknown>);
    } else target[key] = v;
  }
}

const POLLUTER =
  '{"__proto__":{"x":1},"constructor":{"prototype":{"x":1}},"prototype":{"x":1},"a":{"__proto__":{"x":1}}}';

function frame(eventType: string, payload: string): string {
  return `{"action":"receiveMessage","event":{"event_type":"${eventType}","event_payload":${payload}}}`;
}

const FRAMES = [
  frame('conversation_metadata', `{"conversation_id":"c","content":${POLLUTER}}`),
  frame('action', `{"actions":[{"id":"a","data":${POLLUTER}}]}`),
  frame('action', `{"id":"legacy","data":${POLLUTER},"__proto__":{"x":1}}`),
  frame('user_conversations', `{"conversations":[{"conversation_id":"c","metadata":${POLLUTER}}]}`),
  frame(
    'conversation_update',
    `{"type":"livechatAgentConnected","data":{"agentInfo":${POLLUTER},"__proto__":{"x":1}}}`,
  ),
  frame('bot_message', `{"content":[{"type":"weird","__proto__":{"x":1},"payload":${POLLUTER}}]}`),
  frame('bot_message', `{"__proto__":{"x":1},"content":${POLLUTER}}`),
  `{"__proto__":{"x":1},"event":{"__proto__":{"x":1},"event_type":"socket_connected","event_payload":${POLLUTER}}}`,
];

describe('prototype pollution', () => {
  afterEach(() => {
    // If a test did pollute, clean up so later tests are not poisoned too.
    delete (Object.prototype as Record<string, unknown>).x;
  });

  it.each(FRAMES)('a frame with __proto__ keys changes nothing: %s', (raw) => {
    const r = decode(raw);
    checkResult(r);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    // Even a careless deep merge of everything decode returned must not reach Object.prototype.
    naiveMerge({}, JSON.parse(JSON.stringify(r)) as Record<string, unknown>);
    naiveMerge({}, r as unknown as Record<string, unknown>);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('drops the dangerous keys at every depth and keeps the rest', () => {
    const copy = safeRecord(JSON.parse(POLLUTER));
    expect(copy).toEqual({ a: {} });
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(copy.a)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(false);
  });

  it('returns fresh objects that do not share structure with the input', () => {
    const input = { a: { b: [1, { c: 2 }] } };
    const copy = safeRecord(input);
    expect(copy).toEqual(input);
    input.a.b.push(3);
    expect(copy).toEqual({ a: { b: [1, { c: 2 }] } });
  });

  it('turns non-JSON values into null or leaves them out', () => {
    const input = { f: () => 1, s: Symbol('s'), n: Number.NaN, big: 10n, u: undefined, list: [() => 1, 2] };
    expect(safeRecord(input)).toEqual({ n: null, list: [null, 2] });
    expect(safeValue(() => 1)).toBeNull();
  });

  it('bounds depth and size, also for cyclic or shared already-parsed values', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => JSON.stringify(safeRecord(cyclic))).not.toThrow();
    let shared: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 40; i++) shared = { a: shared, b: shared };
    expect(JSON.stringify(safeRecord(shared)).length).toBeLessThan(1_000_000);
  });
});
