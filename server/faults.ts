/**
 * Injected transport faults. `loseNext(type)` makes the hub behave as if the next frame of that type was lost
 * with its socket: the frame is neither logged nor handled, and the socket is cut without a close frame. That
 * is the failure a client cannot tell from success (its `send` returned), and the one its outbox must repair.
 */
export interface Faults {
  loseNext(eventType: string, count?: number): void;
  /** True (and counted) when this frame is to be lost. */
  take(eventType: string): boolean;
}

export function createFaults(): Faults {
  const pending = new Map<string, number>();
  return {
    loseNext(eventType, count = 1) {
      pending.set(eventType, (pending.get(eventType) ?? 0) + count);
    },
    take(eventType) {
      const left = pending.get(eventType) ?? 0;
      if (left <= 0) return false;
      pending.set(eventType, left - 1);
      return true;
    },
  };
}
