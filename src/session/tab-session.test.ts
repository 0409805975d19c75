/** Tabs sharing one outbox through the leader: what one tab forgets, every tab forgets. */
import { describe, expect, it } from 'vitest';
import { createSafeStorage, type SafeStorage } from '../storage';
import { FakeStorage, fakeWindow } from '../storage/test-fakes';
import { createHubSession, type SessionOptions } from './hub-session';
import type { SessionListener } from './session';
import { createTabSession } from './tab-session';
import type { TabSyncEnv } from './tab-sync';
import { fakeConnection } from './test-connection';
import { browser } from './test-tabs';

const OPTIONS: SessionOptions = {
  apiKey: 'k',
  url: 'ws://127.0.0.1:1',
  start: 'user-first',
  keepaliveMs: 60_000,
  maxRetries: 3,
  sendTimeoutMs: 60_000,
};

const listener = (conversationId: string): SessionListener => ({
  conversationId: () => conversationId,
  frame() {},
  status() {},
  ready() {},
  delivery() {},
  trouble() {},
  reject() {},
});

/** A tab of the site in conversation c1; its hub session (when it leads) never gets a socket. */
function tab(env: TabSyncEnv, storage: SafeStorage) {
  const session = createTabSession({
    name: 'site',
    storage,
    lead: () => createHubSession({ options: OPTIONS, storage, connect: fakeConnection().connect }),
    env,
  });
  session.open(listener('c1'));
  return session;
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const message = (id: string) => ({ kind: 'message' as const, id, text: id });

describe('tab session: forgetting', () => {
  it('a forget in a follower reaches the leader, whose outbox holds what every tab queued', async () => {
    const env = browser();
    const storage = createSafeStorage('local', { win: fakeWindow(new FakeStorage(), new FakeStorage()) });
    const leader = tab(env(), storage);
    await tick();
    leader.enqueue(message('m1'));
    const follower = tab(env(), storage);
    await tick();
    follower.forget('another conversation');
    await tick();
    expect(leader.pending()).toEqual(new Set(['m1']));
    expect(storage.keys()).toContain('outbox');
    follower.forget('c1');
    await tick();
    expect(leader.pending().size).toBe(0);
    expect(storage.keys()).not.toContain('outbox');
    leader.close();
    follower.close();
  });

  it('a tab that does not lead yet (destroy() right after load) clears the stored outbox itself', async () => {
    const env = browser();
    const storage = createSafeStorage('local', { win: fakeWindow(new FakeStorage(), new FakeStorage()) });
    const before = tab(env(), storage);
    await tick();
    before.enqueue(message('m0'));
    before.close();
    // The next page load: no tab leads when the host destroys the widget.
    const next = tab(env(), storage);
    next.forget();
    expect(storage.keys()).not.toContain('outbox');
    await tick();
    expect(next.pending().size).toBe(0);
    next.close();
  });

  it('a forget in the leader reaches the followers: what they handed over is not offered to the next leader', async () => {
    const env = browser();
    const storage = createSafeStorage('local', { win: fakeWindow(new FakeStorage(), new FakeStorage()) });
    const leader = tab(env(), storage);
    await tick();
    const follower = tab(env(), storage);
    await tick();
    follower.enqueue(message('m2'));
    await tick();
    expect(leader.pending()).toEqual(new Set(['m2']));
    leader.forget();
    leader.close();
    await tick();
    await tick();
    // The follower leads now, with an outbox of its own.
    follower.enqueue(message('m3'));
    expect(follower.pending()).toEqual(new Set(['m3']));
    follower.close();
  });
});
