// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import { secondsUntil, statusText } from './status-text';

const { t } = createI18n();

describe('secondsUntil', () => {
  it('rounds up to whole seconds and stops at zero', () => {
    expect(secondsUntil(5000, 0)).toBe(5);
    expect(secondsUntil(5000, 1)).toBe(5);
    expect(secondsUntil(5000, 999)).toBe(5);
    expect(secondsUntil(5000, 1000)).toBe(4);
    expect(secondsUntil(5000, 4001)).toBe(1);
    expect(secondsUntil(5000, 5000)).toBe(0);
    expect(secondsUntil(5000, 9000)).toBe(0);
  });

  it('is 0 for nonsense input', () => {
    expect(secondsUntil(Number.NaN, 0)).toBe(0);
    expect(secondsUntil(Number.POSITIVE_INFINITY, 0)).toBe(0);
  });
});

describe('statusText', () => {
  it('says nothing while connected', () => {
    expect(statusText({ state: 'connected' }, 0, t)).toBeUndefined();
  });

  it('counts down while reconnecting, then says it is connecting', () => {
    expect(statusText({ state: 'reconnecting', retryInMs: 3000 }, 3, t)).toBe('Reconnecting in 3 s…');
    expect(statusText({ state: 'reconnecting', retryInMs: 3000 }, 0, t)).toBe('Connecting…');
  });

  it('names the other states', () => {
    expect(statusText({ state: 'connecting' }, 0, t)).toBe('Connecting…');
    expect(statusText({ state: 'offline' }, 0, t)).toMatch(/offline/);
    expect(statusText({ state: 'failed' }, 0, t)).toBe('Can’t reach the chat server.');
  });
});
