import { describe, expect, it } from 'vitest';
import { capText, jsonBytes } from './text-budget';

describe('capText', () => {
  it('leaves text within budget alone', () => {
    expect(capText('hello', 100)).toEqual({ text: 'hello', truncated: false });
  });

  it.each([
    ['ASCII', 'a'],
    ['CJK (3 bytes each)', '文'],
    ['emoji (surrogate pairs)', '😀'],
    ['control characters (6-byte escapes)', '\u0001'],
    ['quotes and newlines', '"\n'],
  ])('cuts %s to fit the JSON-encoded byte budget', (_label, unit) => {
    const text = unit.repeat(20_000);
    const capped = capText(text, 1000);
    expect(capped.truncated).toBe(true);
    expect(jsonBytes(capped.text)).toBeLessThanOrEqual(1000);
    expect(jsonBytes(capped.text)).toBeGreaterThan(1000 - 8);
    expect(text.startsWith(capped.text)).toBe(true);
  });

  it('never leaves a lone surrogate', () => {
    for (const budget of [10, 11, 12, 13]) {
      const { text } = capText('😀'.repeat(10), budget);
      expect(text.length % 2).toBe(0);
      expect(text).toBe('😀'.repeat(text.length / 2));
    }
  });

  it('cuts a multi-megabyte extraction to the default-sized budget', () => {
    const { text } = capText('x'.repeat(5_000_000), 16_000);
    expect(text.length).toBe(16_000 - 2);
  });
});
