import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff';

describe('createBackoff', () => {
  it('doubles per attempt between half and the full ceiling, and stops at the cap', () => {
    const low = createBackoff({ minMs: 1000, maxMs: 30_000, random: () => 0 });
    const high = createBackoff({ minMs: 1000, maxMs: 30_000, random: () => 1 });
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => low.delay(n))).toEqual([
      500, 1000, 2000, 4000, 8000, 15_000, 15_000,
    ]);
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => high.delay(n))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
  });

  it('spreads clients dropped at the same moment', () => {
    const backoff = createBackoff({ minMs: 1000, maxMs: 30_000 });
    const delays = new Set(Array.from({ length: 50 }, () => backoff.delay(3)));
    expect(delays.size).toBeGreaterThan(25);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(4000);
  });

  it('survives absurd attempt numbers', () => {
    expect(createBackoff({ minMs: 1000, maxMs: 30_000, random: () => 1 }).delay(10_000)).toBe(30_000);
  });
});
