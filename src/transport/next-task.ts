/**
 * Yielding to the page between parts of long work, so that no task blocks input and painting for long:
 * `scheduler.yield()` where the browser has it (the rest of the work keeps its place ahead of other tasks),
 * else a message through a MessageChannel (a timeout nested this deep waits at least 4 ms). Undefined where
 * there is no page to keep responsive (tests, no DOM): work is then done at once.
 */
export type NextTask = () => Promise<void>;

interface Yielding {
  scheduler?: { yield?: () => Promise<void> };
}

export const nextTask: NextTask | undefined =
  typeof document === 'object'
    ? () =>
        (globalThis as Yielding).scheduler?.yield?.() ??
        new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            channel.port1.close();
            resolve();
          };
          channel.port2.postMessage(0);
        })
    : undefined;
