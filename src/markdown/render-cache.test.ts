import { describe, expect, test } from 'vitest';
import { createRenderCache } from './render-cache';

describe('createRenderCache', () => {
  test('returns what was stored', () => {
    const cache = createRenderCache();
    cache.set('k', '<p>v</p>');
    expect(cache.get('k')).toBe('<p>v</p>');
    expect(cache.get('missing')).toBeUndefined();
  });

  test('evicts the least recently used entry beyond maxEntries', () => {
    const cache = createRenderCache({ maxEntries: 2 });
    cache.set('a', '1');
    cache.set('b', '2');
    cache.get('a'); // a is now the most recent
    cache.set('c', '3');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('1');
    expect(cache.get('c')).toBe('3');
    expect(cache.size).toBe(2);
  });

  test('keeps within the character budget and skips entries larger than it', () => {
    const cache = createRenderCache({ maxChars: 10 });
    cache.set('a', '1234'); // 5
    cache.set('b', '1234'); // 10
    cache.set('c', '1234'); // evicts a
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(2);
    cache.set('huge', 'x'.repeat(50));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('c')).toBe('1234');
  });

  test('overwriting a key does not leak budget; clear empties', () => {
    const cache = createRenderCache({ maxEntries: 5, maxChars: 12 });
    for (let i = 0; i < 20; i++) cache.set('k', `v${i % 10}`);
    cache.set('x', '12345678'); // fits only if the 19 overwrites of k were not counted
    expect(cache.get('k')).toBe('v9');
    expect(cache.get('x')).toBe('12345678');
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
