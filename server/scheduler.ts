/**
 * Delayed work per conversation, run in order: a reply scheduled after another one for the same
 * conversation never overtakes it. `clear()` cancels everything (hub close).
 */

export interface Scheduler {
  /** Runs `task` `delayMs` after the previous task of the same key has run. */
  run(key: string, delayMs: number, task: () => void): void;
  /** Resolves when every task scheduled so far has run (tests). */
  idle(): Promise<void>;
  clear(): void;
}

export function createScheduler(onError: (error: unknown) => void): Scheduler {
  const tails = new Map<string, Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  return {
    run(key, delayMs, task) {
      if (closed) return;
      const tail = (tails.get(key) ?? Promise.resolve())
        .then(() => sleep(delayMs))
        .then(() => {
          if (!closed) task();
        })
        .catch(onError);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
    },
    async idle() {
      while (tails.size > 0) await Promise.all(tails.values());
    },
    clear() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      tails.clear();
    },
  };
}
