/** A clock for tests: `now()` and timers that run only when the test advances time. Not part of the widget. */
export function fakeClock(start = 1_000_000) {
  let time = start;
  let seq = 0;
  let timers: Array<{ at: number; seq: number; run: () => void }> = [];
  return {
    now: () => time,
    setTimer(run: () => void, ms: number): () => void {
      const timer = { at: time + ms, seq: seq++, run };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    /** Moves time on, running every timer that falls due on the way, in order. */
    advance(ms: number): void {
      const end = time + ms;
      for (;;) {
        const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
        if (!next) break;
        timers = timers.filter((t) => t !== next);
        time = next.at;
        next.run();
      }
      time = end;
    },
  };
}
