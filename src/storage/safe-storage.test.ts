import { describe, expect, it, vi } from 'vitest';
import { createSafeStorage } from './index';
import { FakeStorage, fakeWindow } from './test-fakes';

const isString = (v: unknown): v is string => typeof v === 'string';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const KEY = 'captivate-chat:v1:ns:conv';

describe('failures after probing', () => {
  it('keeps a value in memory when setItem throws QuotaExceededError, and drops the stale one', () => {
    const local = new FakeStorage();
    const store = createSafeStorage('local', { namespace: 'ns', win: fakeWindow(local, undefined) });
    store.set('conv', 'old');
    local.quota = (_key, value) => value.length > 10;
    expect(() => store.set('conv', 'x'.repeat(100))).not.toThrow();
    expect(store.get('conv', isString)).toBe('x'.repeat(100));
    expect(local.map.has(KEY)).toBe(false);
    expect(store.keys()).toEqual(['conv']);
    local.quota = false;
    store.set('conv', 'short');
    expect(local.map.get(KEY)).toBe('"short"');
    expect(store.get('conv', isString)).toBe('short');
  });

  it('never throws when the storage is revoked mid-session', () => {
    const local = new FakeStorage();
    const store = createSafeStorage('local', { win: fakeWindow(local, undefined) });
    local.revoked = true;
    expect(() => store.set('conv', 'abc')).not.toThrow();
    expect(store.get('conv', isString)).toBe('abc');
    expect(() => store.remove('conv')).not.toThrow();
    expect(store.get('conv', isString)).toBeUndefined();
    expect(store.keys()).toEqual([]);
  });

  it('ignores values JSON cannot encode', () => {
    const store = createSafeStorage('none');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => store.set('a', circular)).not.toThrow();
    expect(() => store.set('b', 1n)).not.toThrow();
    expect(store.keys()).toEqual([]);
  });

  it('treats set(key, undefined) as remove', () => {
    const store = createSafeStorage('none');
    store.set('a', 1);
    store.set('a', undefined);
    expect(store.keys()).toEqual([]);
  });
});

describe('reading untrusted values', () => {
  const setup = (raw: string) => {
    const local = new FakeStorage();
    local.map.set(KEY, raw);
    const store = createSafeStorage('local', { namespace: 'ns', win: fakeWindow(local, undefined) });
    return { local, store };
  };

  it.each(['}{', '', '{"a":', 'undefined', "'x'"])('resets corrupt JSON %j', (raw) => {
    const { local, store } = setup(raw);
    expect(store.get('conv', isString)).toBeUndefined();
    expect(local.map.has(KEY)).toBe(false);
  });

  it('resets a value that fails validation', () => {
    const { local, store } = setup('{"id":42}');
    expect(store.get('conv', isString)).toBeUndefined();
    expect(local.map.has(KEY)).toBe(false);
  });

  it('resets a value whose validator throws', () => {
    const { local, store } = setup('"abc"');
    const throwing = (_v: unknown): _v is string => {
      throw new Error('bad validator');
    };
    expect(store.get('conv', throwing)).toBeUndefined();
    expect(local.map.has(KEY)).toBe(false);
  });

  it('drops __proto__, constructor and prototype keys at every depth', () => {
    const raw =
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}},"nested":{"__proto__":{"y":1}},"ok":1}';
    const { store } = setup(raw);
    const value = store.get('conv', isRecord);
    expect(value).toEqual({ nested: {}, ok: 1 });
    expect(Object.hasOwn(value ?? {}, '__proto__')).toBe(false);
    const merged = Object.assign({}, value, (value?.nested ?? {}) as object);
    expect((merged as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).y).toBeUndefined();
  });
});

describe('onExternalChange', () => {
  it('reports our keys changed in other tabs, parsed safely', () => {
    const local = new FakeStorage();
    const win = fakeWindow(local, undefined);
    const store = createSafeStorage('local', { namespace: 'ns', win });
    const cb = vi.fn();
    const off = store.onExternalChange(cb);
    win.dispatch({ key: KEY, newValue: '{"__proto__":{"x":1},"id":"c2"}', storageArea: local });
    win.dispatch({ key: KEY, newValue: null, storageArea: local });
    win.dispatch({ key: 'captivate-chat:v1:other:conv', newValue: '"x"', storageArea: local });
    win.dispatch({ key: 'captivate-chat:v0:ns:conv', newValue: '"x"', storageArea: local });
    win.dispatch({ key: 'host-key', newValue: '"x"', storageArea: local });
    win.dispatch({ key: null, newValue: null, storageArea: local });
    win.dispatch({ key: KEY, newValue: '"from session"', storageArea: new FakeStorage() });
    win.dispatch({ key: KEY, newValue: '}{', storageArea: local });
    expect(cb.mock.calls).toEqual([
      ['conv', { id: 'c2' }],
      ['conv', undefined],
    ]);
    off();
    win.dispatch({ key: KEY, newValue: '"later"' });
    expect(cb).toHaveBeenCalledTimes(2);
    expect(win.listeners.size).toBe(0);
  });

  it('never lets a throwing callback escape', () => {
    const win = fakeWindow(new FakeStorage(), undefined);
    createSafeStorage('local', { namespace: 'ns', win }).onExternalChange(() => {
      throw new Error('host bug');
    });
    expect(() => win.dispatch({ key: KEY, newValue: '1' })).not.toThrow();
  });

  it('does not listen for session or memory backends', () => {
    const win = fakeWindow('throws', new FakeStorage());
    createSafeStorage('local', { win }).onExternalChange(() => {});
    expect(win.listeners.size).toBe(0);
  });
});

describe('versions and namespaces', () => {
  it('ignores keys of other versions and other namespaces', () => {
    const local = new FakeStorage();
    local.map.set('captivate-chat:v0:ns:conv', '"old"');
    local.map.set('captivate-chat:v1:other:conv', '"other"');
    const store = createSafeStorage('local', { namespace: 'ns', win: fakeWindow(local, undefined) });
    expect(store.get('conv', isString)).toBeUndefined();
    expect(store.keys()).toEqual([]);
    expect(local.map.size).toBe(2);
  });

  it('encodes the namespace so a colon in it cannot alias another namespace', () => {
    const win = fakeWindow(new FakeStorage(), undefined);
    const a = createSafeStorage('local', { namespace: 'a:b', win });
    const b = createSafeStorage('local', { namespace: 'a', win });
    a.set('c', 1);
    expect(b.keys()).toEqual([]);
    expect(a.keys()).toEqual(['c']);
  });
});
