/**
 * Batches messages arriving from the hub into one append per animation frame. Each socket message is its own
 * task; appending (and rendering) per message makes a burst of a thousand cost a thousand renders of a
 * growing list. Anything that reads or replaces the list first calls `flush()`, so order is never lost.
 */
import type { ChatMessage } from './messages';

export type Schedule = (run: () => void) => void;

/** The next animation frame, or a short timeout when the tab is hidden (frames pause there). */
export const nextFrame: Schedule = (run) => {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    run();
  };
  requestAnimationFrame(once);
  setTimeout(once, 100);
};

export function createArrivals(append: (batch: ChatMessage[]) => void, schedule?: Schedule) {
  const later: Schedule =
    schedule ?? (typeof requestAnimationFrame === 'function' ? nextFrame : (run: () => void) => run());
  let pending: ChatMessage[] = [];
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    append(batch);
  }

  return {
    push(message: ChatMessage): void {
      pending.push(message);
      if (scheduled) return;
      scheduled = true;
      later(flush);
    },
    flush,
    /** Drops what has not been shown (a new conversation replaces the list). */
    clear(): void {
      pending = [];
    },
  };
}
