/**
 * Keeps the hub's frames in order while one of them is handled over several tasks (a long transcript,
 * apply-transcript.ts): the frames that arrive meanwhile wait behind it, so a live message never shows before
 * the history it follows, nor is overwritten by it. `release()` (the conversation is being left) hands the
 * waiting frames on at once, in order, ahead of whatever the caller does next.
 */
export function createFrameQueue<F>(handle: (frame: F) => Promise<unknown> | undefined) {
  /** Frames waiting behind the one in progress; undefined when none is in progress. */
  let waiting: F[] | undefined;

  function push(frame: F): void {
    if (waiting) {
      waiting.push(frame);
      return;
    }
    const busy = handle(frame);
    if (!busy) return;
    const mine: F[] = [];
    waiting = mine;
    const next = () => {
      if (waiting === mine) release();
    };
    busy.then(next, (error: unknown) => {
      console.error('[captivate-chat] a frame failed to apply:', error);
      next();
    });
  }

  function release(): void {
    const frames = waiting ?? [];
    waiting = undefined;
    // A frame handed on may be in progress again: those after it wait behind it (push).
    for (const frame of frames) push(frame);
  }

  return { push, release };
}
