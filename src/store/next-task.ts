/**
 * Yielding to the page between slices of long work, so that no task blocks input and painting for long.
 * `scheduler.yield()` where the browser has it (the rest of the work keeps its place ahead of other tasks),
 * else a message through a MessageChannel (a timeout nested this deep waits at least 4 ms).
 */
export type NextTask = () => Promise<void>;

interface Yielding {
  scheduler?: { yield?: () => Promise<void> };
}

export const nextTask: NextTask = () =>
  (globalThis as Yielding).scheduler?.yield?.() ??
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
