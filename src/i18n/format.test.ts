import { describe, expect, it } from 'vitest';
import { formatBytes, formatTime } from './index';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [12, '12 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [512 * 1024, '512 KB'],
    [1024 * 1024 - 1, '1 MB'],
    [2.4 * 1024 * 1024, '2.4 MB'],
    [10485760, '10 MB'],
    [10485761, '10 MB'],
    [9.96 * 1024 * 1024, '10 MB'],
    [3 * 1024 ** 3, '3 GB'],
    [5 * 1024 ** 5, '5120 TB'],
    [-5, '0 B'],
    [Number.NaN, '0 B'],
    [Number.POSITIVE_INFINITY, '0 B'],
  ])('%d bytes is %s', (n, text) => {
    expect(formatBytes(n, 'en-US').replace(/,/g, '')).toBe(text);
  });

  it('uses the locale’s decimal separator', () => {
    expect(formatBytes(2.4 * 1024 * 1024, 'de-DE')).toBe('2,4 MB');
  });

  it('falls back when the locale is malformed', () => {
    expect(formatBytes(1536, 'not a locale!')).toBe('1.5 KB');
  });
});

describe('formatTime', () => {
  const at = new Date(2024, 0, 15, 9, 5).getTime();

  it('formats a short 24-hour time', () => {
    expect(formatTime(at, 'en-GB')).toBe('09:05');
  });

  it('formats a short 12-hour time', () => {
    expect(formatTime(at, 'en-US')).toMatch(/^09:05\s?AM$/);
  });

  it('falls back to hh:mm when Intl rejects the locale', () => {
    expect(formatTime(at, 'not a locale!')).toBe('09:05');
  });

  it('returns an empty string for an invalid time', () => {
    expect(formatTime(Number.NaN, 'en')).toBe('');
    expect(formatTime(8.64e15 + 1, 'en')).toBe('');
  });
});
