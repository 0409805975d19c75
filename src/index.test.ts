/**
 * Importing the npm entry does nothing: no globals, no timers, no DOM or network access, so it is safe in
 * server-side rendering and in bundles that import it before the widget is wanted. Runs in plain Node (no
 * DOM); `create-chat.test.ts` repeats the check with a DOM present.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('the npm entry in plain Node', () => {
  test('importing it adds no global, schedules nothing and draws no random number', async () => {
    const before = new Set(Reflect.ownKeys(globalThis));
    const spies = [
      vi.spyOn(globalThis, 'setTimeout'),
      vi.spyOn(globalThis, 'setInterval'),
      vi.spyOn(globalThis, 'queueMicrotask'),
      vi.spyOn(globalThis, 'fetch'),
      vi.spyOn(Math, 'random'),
      vi.spyOn(console, 'error'),
      vi.spyOn(console, 'warn'),
    ];
    const entry = await import('./index');
    expect(typeof entry.createChat).toBe('function');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    const added = Reflect.ownKeys(globalThis).filter((k) => !before.has(k));
    expect(added).toEqual([]);
    expect('window' in globalThis).toBe(false);
  });

  test('createChat on the server throws a clear error instead of "window is not defined"', async () => {
    const { createChat } = await import('./index');
    expect(() => createChat({ apiKey: 'k' })).toThrow(/needs a browser.*not during server-side rendering/);
  });
});
