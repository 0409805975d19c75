import { describe, expect, it } from 'vitest';
import { createArrivals } from './arrivals';
import { createMessage } from './messages';

const msg = (id: string) =>
  createMessage({ id, sender: 'bot', parts: [{ kind: 'text', text: id }], at: 0, history: false });

describe('createArrivals', () => {
  it('appends a burst once, in order, on the scheduled run', () => {
    const batches: string[][] = [];
    const runs: Array<() => void> = [];
    const arrivals = createArrivals(
      (b) => batches.push(b.map((m) => m.id)),
      (run) => runs.push(run),
    );
    for (let i = 0; i < 1000; i++) arrivals.push(msg(`m${i}`));
    expect(runs).toHaveLength(1);
    expect(batches).toEqual([]);
    runs[0]!();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(1000);
    expect(batches[0]![999]).toBe('m999');
  });

  it('flush() applies at once what is waiting, and a cleared batch is never applied', () => {
    const batches: string[][] = [];
    const runs: Array<() => void> = [];
    const arrivals = createArrivals(
      (b) => batches.push(b.map((m) => m.id)),
      (run) => runs.push(run),
    );
    arrivals.push(msg('a'));
    arrivals.flush();
    expect(batches).toEqual([['a']]);
    arrivals.push(msg('b'));
    arrivals.clear();
    for (const run of runs) run();
    expect(batches).toEqual([['a']]);
  });
});
