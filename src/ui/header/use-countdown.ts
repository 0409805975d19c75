/** Whole seconds left of `ms`, counted down live; restarts whenever `key` changes (a new status). */
import { useEffect, useState } from 'preact/hooks';
import { secondsUntil } from './status-text';

export function useCountdown(ms: number | undefined, key: unknown): number {
  const [seconds, setSeconds] = useState(() => (ms === undefined ? 0 : secondsUntil(ms, 0)));
  useEffect(() => {
    if (ms === undefined) {
      setSeconds(0);
      return;
    }
    const deadline = Date.now() + ms;
    const tick = () => setSeconds(secondsUntil(deadline, Date.now()));
    tick();
    // Ticking faster than once a second keeps the count from skipping a number when a timer runs late.
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [ms, key]);
  return seconds;
}
