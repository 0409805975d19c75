import { describe, expect, it } from 'vitest';
import { createTabSync, type TabSyncEnv } from './tab-sync';

type TestMessage = { t: string };
const isTestMessage = (v: unknown): v is TestMessage =>
  !!v && typeof v === 'object' && 't' in v && typeof v.t === 'string';

/** One browser: an exclusive lock manager and a broadcast bus shared by the "tabs" created on it, both
 * asynchronous as the real ones are. */
function browser() {
  const waiting: Array<() => void> = [];
  let held = false;
  const locks = {
    request(_name: string, callback: () => Promise<void>) {
      return new Promise<void>((done) => {
        // Granted in a later task, as a real lock manager grants; released to the next in line likewise.
        const grant = (run: () => void) => setTimeout(run, 0);
        const run = () => {
          void callback().then(() => {
            const next = waiting.shift();
            if (next) grant(next);
            else held = false;
            done();
          });
        };
        if (held) waiting.push(run);
        else {
          held = true;
          grant(run);
        }
      });
    },
  };
  const members = new Set<{ onmessage: ((e: MessageEvent) => void) | null }>();
  const channel = () => {
    const member = {
      onmessage: null as ((e: MessageEvent) => void) | null,
      postMessage(data: unknown) {
        // Delivered in a later task, as a real BroadcastChannel delivers.
        for (const other of members)
          if (other !== member) setTimeout(() => other.onmessage?.({ data } as MessageEvent), 0);
      },
      close() {
        members.delete(member);
      },
    };
    members.add(member);
    return member as unknown as BroadcastChannel;
  };
  return (): TabSyncEnv => ({ locks, channel });
}

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
