/** Tabs for tests: the browser facilities tab-sync.ts elects a leader with. Not part of the widget. */
import type { TabSyncEnv } from './tab-sync';

/** One browser: an exclusive lock manager and a broadcast bus shared by the "tabs" created on it, both
 * asynchronous as the real ones are. */
export function browser() {
  const waiting: Array<() => void> = [];
  let held = false;
  const locks = {
    request(_name: string, callback: () => Promise<void>) {
      return new Promise<void>((done) => {
        // Granted in a later task, as a real lock manager grants; released to the next in line likewise.
        const grant = (run: () => void) => setTimeout(run, 0);
        const run = () => {
          void callback().then(() => {
            const next = waiting.shift();
            if (next) grant(next);
            else held = false;
            done();
          });
        };
        if (held) waiting.push(run);
        else {
          held = true;
          grant(run);
        }
      });
    },
  };
  const members = new Set<{ onmessage: ((e: MessageEvent) => void) | null }>();
  const channel = () => {
    const member = {
      onmessage: null as ((e: MessageEvent) => void) | null,
      postMessage(data: unknown) {
        // Delivered in a later task, as a real BroadcastChannel delivers.
        for (const other of members)
          if (other !== member) setTimeout(() => other.onmessage?.({ data } as MessageEvent), 0);
      },
      close() {
        members.delete(member);
      },
    };
    members.add(member);
    return member as unknown as BroadcastChannel;
  };
  return (): TabSyncEnv => ({ locks, channel });
}
