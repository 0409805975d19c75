import { describe, expect, test } from 'vitest';
import { figure, missedTargets } from './report';

describe('figure', () => {
  test('the median of measured runs, with a target met', () => {
    const f = figure('ms', [30, 10, 20], { target: 25 });
    expect(f).toMatchObject({ median: 20, min: 10, max: 30, pass: true });
    expect(f.missing).toBeUndefined();
  });

  test('a failed run is not dropped: it ranks above every value and fails the target', () => {
    const f = figure('ms', [10, null, 20], { target: 100 });
    // Dropping the failed run would give a median of 15; ranked above the others it is 20.
    expect(f).toMatchObject({ median: 20, min: 10, max: null, missing: 1, pass: false });
    expect(missedTargets({ 'x.y': f })).toEqual(['x.y: 1 of 3 runs gave no value, target ≤ 100 ms']);
  });

  test('a median that lands on a failed run is null', () => {
    const f = figure('ms', [null, 5, undefined], { target: 100 });
    expect(f.median).toBeNull();
    expect(f.pass).toBe(false);
  });

  test('a missed target is listed; figures without one never are', () => {
    const figures = { slow: figure('ms', [60, 70, 80], { target: 50 }), free: figure('ms', [null]) };
    expect(missedTargets(figures)).toEqual(['slow: median 70, target ≤ 50 ms']);
  });
});
