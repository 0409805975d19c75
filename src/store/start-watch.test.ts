import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStartWatch, START_ATTEMPTS, START_TIMEOUT_MS } from './start-watch';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  const calls: string[] = [];
  const watch = createStartWatch({
    retry: () => {
      calls.push('retry');
      watch.sent();
    },
    giveUp: () => calls.push('give up'),
  });
  return { watch, calls };
}

describe('start watch', () => {
  it('sends again after each silent timeout, then gives up once', () => {
    const { watch, calls } = setup();
    watch.sent();
    vi.advanceTimersByTime(START_TIMEOUT_MS * START_ATTEMPTS - 1);
    expect(calls).toEqual(Array(START_ATTEMPTS - 1).fill('retry'));
    vi.advanceTimersByTime(1);
    expect(calls.at(-1)).toBe('give up');
    expect(watch.waiting()).toBe(false);
    vi.advanceTimersByTime(START_TIMEOUT_MS * 10);
    expect(calls).toHaveLength(START_ATTEMPTS);
  });

  it('an answer ends the watch and the next start has all its attempts again', () => {
    const { watch, calls } = setup();
    watch.sent();
    vi.advanceTimersByTime(START_TIMEOUT_MS);
    expect(watch.waiting()).toBe(true);
    watch.settled();
    expect(watch.waiting()).toBe(false);
    vi.advanceTimersByTime(START_TIMEOUT_MS * 5);
    expect(calls).toEqual(['retry']);
    watch.sent();
    vi.advanceTimersByTime(START_TIMEOUT_MS * (START_ATTEMPTS - 1));
    expect(calls).toEqual(['retry', 'retry', 'retry']);
  });
});
