/**
 * Exponential backoff with "equal jitter": each delay is drawn from [d/2, d] where d doubles per attempt up
 * to a cap. The jitter is per attempt (partysocket's is per socket), so a hub restart that drops every
 * visitor at once is not followed by synchronised reconnect waves (the gateway allows 500 connects/s).
 */
export interface BackoffOptions {
  minMs: number;
  maxMs: number;
  random?: () => number;
}

export interface Backoff {
  /** The delay before retry number `attempt` (0 for the first retry after a drop). */
  delay(attempt: number): number;
}

export function createBackoff({ minMs, maxMs, random = Math.random }: BackoffOptions): Backoff {
  return {
    delay(attempt) {
      const ceiling = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
      return Math.round(ceiling / 2 + (random() * ceiling) / 2);
    },
  };
}
