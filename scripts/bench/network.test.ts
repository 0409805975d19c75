import { describe, expect, test } from 'vitest';
import { createLink } from './network';

describe('createLink', () => {
  test('a frame arrives after its time on the link plus the one-way latency', () => {
    const arrival = createLink(50, 10_000_000);
    // 125,000 bytes = 1 Mbit: 100 ms at 10 Mbit/s.
    expect(arrival(125_000, 0)).toBe(150);
  });

  test('a frame sent while the link is busy waits for the one before', () => {
    const arrival = createLink(50, 10_000_000);
    arrival(125_000, 0);
    expect(arrival(125_000, 10)).toBe(250);
  });

  test('a frame sent once the link is free leaves at once', () => {
    const arrival = createLink(50, 10_000_000);
    arrival(125_000, 0);
    expect(arrival(0, 500)).toBe(550);
  });
});
