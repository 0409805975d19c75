import { describe, expect, it } from 'vitest';
import { createTabSync } from './tab-sync';
import { browser } from './test-tabs';

type TestMessage = { t: string };
const isTestMessage = (v: unknown): v is TestMessage =>
  !!v && typeof v === 'object' && 't' in v && typeof v.t === 'string';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createTabSync', () => {
  it('elects one leader, relays messages to the others, and hands over when the leader closes', async () => {
    const env = browser();
    const got: Record<string, TestMessage[]> = { a: [], b: [] };
    const led: string[] = [];
    const a = createTabSync(
      'ns',
      isTestMessage,
      (m) => got.a!.push(m),
      () => led.push('a'),
      env(),
    );
    const b = createTabSync(
      'ns',
      isTestMessage,
      (m) => got.b!.push(m),
      () => led.push('b'),
      env(),
    );
    await tick();
    expect(led).toEqual(['a']);
    expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
    a.post({ t: 'frame' });
    b.post({ t: 'enqueue' });
    expect(got.b).toEqual([]);
    await tick();
    expect(got.b!.map((m) => m.t)).toEqual(['frame']);
    expect(got.a!.map((m) => m.t)).toEqual(['enqueue']);
    a.close();
    await tick();
    await tick();
    expect(led).toEqual(['a', 'b']);
    expect(b.isLeader()).toBe(true);
  });

  it('without Web Locks every tab leads on its own', async () => {
    const led: string[] = [];
    createTabSync(
      'ns',
      isTestMessage,
      () => {},
      () => led.push('solo'),
      { locks: undefined, channel: undefined, win: undefined },
    );
    await tick();
    expect(led).toEqual(['solo']);
  });
});
