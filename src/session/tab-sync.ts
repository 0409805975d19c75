/**
 * Tabs of one site share one conversation through one socket. A Web Lock elects the leader: the one tab that
 * holds the socket and the outbox. It relays every hub frame and the connection status to the other tabs over
 * a BroadcastChannel (or, without one, through `storage` events); they send it what their visitor typed.
 * When the leader's tab closes its lock is released and another tab takes over, reading the stored outbox.
 * Without Web Locks every tab leads on its own socket (the widget still works; tabs just do not share).
 */

/** Every message carries the sending tab's id, so a tab ignores its own (the storage fallback echoes). */
type Stamped<M> = M & { from: string };

export interface TabSync<M> {
  isLeader(): boolean;
  post(message: M): void;
  close(): void;
}

interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<unknown>;
}

export interface TabSyncEnv {
  locks?: LockManagerLike | undefined;
  channel?: ((name: string) => BroadcastChannel) | undefined;
  win?: Window | undefined;
}

function defaultEnv(): TabSyncEnv {
  const nav =
    typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManagerLike });
  return {
    locks: nav?.locks,
    channel: typeof BroadcastChannel === 'function' ? (name) => new BroadcastChannel(name) : undefined,
    win: typeof window === 'undefined' ? undefined : window,
  };
}

export function createTabSync<M extends object>(
  name: string,
  isMessage: (value: unknown) => value is M,
  onMessage: (message: M) => void,
  onLeadership: () => void,
  env: TabSyncEnv = defaultEnv(),
): TabSync<M> {
  const self = Math.random().toString(36).slice(2);
  let leader = false;
  let closed = false;
  let release: (() => void) | undefined;

  const deliver = (value: unknown): void => {
    if (closed || !value || typeof value !== 'object' || !('from' in value) || value.from === self) return;
    // Another version of the widget in another tab may speak differently: what is not understood is ignored.
    if (isMessage(value)) onMessage(value);
  };

  const channel = env.channel?.(name);
  if (channel) channel.onmessage = (event) => deliver(event.data);
  const storageKey = `${name}:relay`;
  const onStorage = (event: StorageEvent): void => {
    if (event.key !== storageKey || !event.newValue) return;
    try {
      deliver(JSON.parse(event.newValue));
    } catch {
      // Another script's value under our key: not a message.
    }
  };
  if (!channel) env.win?.addEventListener('storage', onStorage);

  function lead(): void {
    if (closed) return;
    leader = true;
    onLeadership();
  }

  if (env.locks) {
    void env.locks
      .request(`${name}:leader`, () => {
        lead();
        // Held for the life of the tab (or until close): the lock is the leadership.
        return new Promise<void>((resolve) => {
          release = resolve;
          if (closed) resolve();
        });
      })
      .catch(lead);
  } else {
    queueMicrotask(lead);
  }

  return {
    isLeader: () => leader,
    post(message) {
      if (closed) return;
      const stamped: Stamped<M> = { ...message, from: self };
      if (channel) {
        channel.postMessage(stamped);
        return;
      }
      try {
        // The storage event fallback: other tabs see the write; a nonce makes equal messages distinct writes.
        env.win?.localStorage.setItem(storageKey, JSON.stringify({ ...stamped, n: Math.random() }));
      } catch {
        // Storage blocked too: this tab cannot reach the others, and leads on its own.
      }
    },
    close() {
      closed = true;
      leader = false;
      release?.();
      channel?.close();
      env.win?.removeEventListener('storage', onStorage);
    },
  };
}
