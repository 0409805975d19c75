import { describe, expect, it } from 'vitest';
import { createSafeStorage, purgeOldVersions, STORAGE_VERSION } from './index';
import { FakeStorage, fakeWindow } from './test-fakes';

const isString = (v: unknown): v is string => typeof v === 'string';
const KEY = 'captivate-chat:v1:ns:conv';

describe('backend chain', () => {
  it('uses localStorage when it works, under a versioned namespaced key', () => {
    const local = new FakeStorage();
    const store = createSafeStorage('local', { namespace: 'ns', win: fakeWindow(local, new FakeStorage()) });
    expect(store.kind).toBe('local');
    store.set('conv', 'abc');
    expect(local.map.get(KEY)).toBe('"abc"');
    expect(store.get('conv', isString)).toBe('abc');
    expect(STORAGE_VERSION).toBe(1);
  });

  it('leaves no probe key behind', () => {
    const local = new FakeStorage();
    createSafeStorage('local', { win: fakeWindow(local, undefined) });
    expect(local.map.size).toBe(0);
  });

  it('falls back to sessionStorage when reading window.localStorage throws SecurityError', () => {
    const session = new FakeStorage();
    const store = createSafeStorage('local', { namespace: 'ns', win: fakeWindow('throws', session) });
    expect(store.kind).toBe('session');
    store.set('conv', 'abc');
    expect(session.map.get(KEY)).toBe('"abc"');
  });

  it('falls back to sessionStorage when localStorage.setItem throws QuotaExceededError', () => {
    const local = new FakeStorage();
    local.quota = true;
    expect(createSafeStorage('local', { win: fakeWindow(local, new FakeStorage()) }).kind).toBe('session');
  });

  it('falls back when localStorage is missing or does not read back what was written', () => {
    const liar = new FakeStorage();
    liar.getItem = () => null;
    expect(createSafeStorage('local', { win: fakeWindow(undefined, new FakeStorage()) }).kind).toBe(
      'session',
    );
    expect(createSafeStorage('local', { win: fakeWindow(liar, new FakeStorage()) }).kind).toBe('session');
  });

  it('falls back to memory when both storages throw, and still works', () => {
    const store = createSafeStorage('local', { win: fakeWindow('throws', 'throws') });
    expect(store.kind).toBe('memory');
    store.set('conv', 'abc');
    expect(store.get('conv', isString)).toBe('abc');
    expect(store.keys()).toEqual(['conv']);
    store.remove('conv');
    expect(store.get('conv', isString)).toBeUndefined();
  });

  it('session: never reads localStorage, falls back to memory', () => {
    const win = fakeWindow('throws', new FakeStorage());
    expect(createSafeStorage('session', { win }).kind).toBe('session');
    expect(win.reads.localStorage).toBe(0);
    expect(createSafeStorage('session', { win: fakeWindow(new FakeStorage(), 'throws') }).kind).toBe(
      'memory',
    );
  });

  it('none: memory only, never touches window storage', () => {
    const win = fakeWindow('throws', 'throws');
    const store = createSafeStorage('none', { win });
    store.set('conv', 'abc');
    expect(store.kind).toBe('memory');
    expect(store.get('conv', isString)).toBe('abc');
    expect(store.onExternalChange(() => {})).toBeTypeOf('function');
    expect(win.reads).toEqual({ localStorage: 0, sessionStorage: 0 });
    expect(win.listeners.size).toBe(0);
  });
});

describe('purgeOldVersions', () => {
  it('purgeOldVersions removes other versions only, from both storages', () => {
    const local = new FakeStorage();
    const session = new FakeStorage();
    for (const key of ['captivate-chat:v0:ns:conv', 'captivate-chat:v2:ns:conv', 'captivate-chat:legacy']) {
      local.map.set(key, '1');
    }
    session.map.set('captivate-chat:v0:x:y', '1');
    local.map.set(KEY, '"keep"');
    local.map.set('host-app-key', 'keep');
    expect(purgeOldVersions(fakeWindow(local, session))).toBe(4);
    expect([...local.map.keys()]).toEqual([KEY, 'host-app-key']);
    expect(session.map.size).toBe(0);
  });

  it('purgeOldVersions never throws', () => {
    expect(purgeOldVersions(fakeWindow('throws', 'throws'))).toBe(0);
    expect(purgeOldVersions(undefined)).toBe(0);
  });
});
