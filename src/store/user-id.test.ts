import { describe, expect, it } from 'vitest';
import { createSafeStorage } from '../storage';
import { FakeStorage, fakeWindow } from '../storage/test-fakes';
import { createUserIds } from './user-id';

const ANON = /^anon-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function storageOn(local: FakeStorage, namespace = 'ns') {
  return createSafeStorage('local', { namespace, win: fakeWindow(local, undefined) });
}

describe('user id', () => {
  it('prefers the host’s id and then stores nothing', () => {
    const local = new FakeStorage();
    const ids = createUserIds(storageOn(local));
    expect(ids.withUserId({ userId: 'host-7', email: 'a@b.c' })).toEqual({
      userId: 'host-7',
      email: 'a@b.c',
    });
    expect(ids.peek({ userId: 'host-7' })).toBe('host-7');
    expect(local.map.size).toBe(0);
  });

  it('makes an anonymous id lazily, keeps it, and finds it again after a reload', () => {
    const local = new FakeStorage();
    const first = createUserIds(storageOn(local));
    expect(first.peek({})).toBeUndefined();
    expect(local.map.size).toBe(0);
    const { userId } = first.withUserId({ firstName: 'Ada' });
    expect(userId).toMatch(ANON);
    expect(first.withUserId({}).userId).toBe(userId);
    const reloaded = createUserIds(storageOn(local));
    expect(reloaded.peek({})).toBe(userId);
    expect(reloaded.withUserId({}).userId).toBe(userId);
  });

  it('keeps one id per namespace (hub URL and API key)', () => {
    const local = new FakeStorage();
    const a = createUserIds(storageOn(local, 'key-a')).withUserId({}).userId;
    const b = createUserIds(storageOn(local, 'key-b')).withUserId({}).userId;
    expect(a).not.toBe(b);
  });

  it('replaces a stored value that is not an anonymous id', () => {
    const local = new FakeStorage();
    const storage = storageOn(local);
    storage.set('user', { __proto__: 'x' });
    const ids = createUserIds(storage);
    expect(ids.peek({})).toBeUndefined();
    expect(ids.withUserId({}).userId).toMatch(ANON);
  });

  it('still works when storage is unusable (persist=none)', () => {
    const ids = createUserIds(createSafeStorage('none'));
    const { userId } = ids.withUserId({});
    expect(userId).toMatch(ANON);
    expect(ids.peek({})).toBe(userId);
  });
});
