/**
 * Injected transport faults. `loseNext(type)` makes the hub behave as if the next event of that type was
 * lost on its way in: it is neither logged nor handled, and the socket it came on (or the HTTP request that
 * carried it) is cut without a word. `loseNextAnswer(type)` is the HTTP-side failure a client cannot tell
 * from a lost request: the event is handled, and then the connection is cut before the answer.
 */
export interface Faults {
  loseNext(eventType: string, count?: number): void;
  loseNextAnswer(eventType: string, count?: number): void;
  /** True (and counted) when this event is to be lost. */
  take(eventType: string): boolean;
  /** True (and counted) when the HTTP answer to this event is to be lost. */
  takeAnswer(eventType: string): boolean;
}

export function createFaults(): Faults {
  const pending = new Map<string, number>();
  const add = (key: string, count = 1) => void pending.set(key, (pending.get(key) ?? 0) + count);
  const take = (key: string) => {
    const left = pending.get(key) ?? 0;
    if (left <= 0) return false;
    pending.set(key, left - 1);
    return true;
  };
  return {
    loseNext: (eventType, count) => add(`event:${eventType}`, count),
    loseNextAnswer: (eventType, count) => add(`answer:${eventType}`, count),
    take: (eventType) => take(`event:${eventType}`),
    takeAnswer: (eventType) => take(`answer:${eventType}`),
  };
}
