/**
 * Watches the one `conversation_start` in flight. The hub's answer carries no correlation id, so a start
 * that gets no answer cannot be told from a slow one: after `timeoutMs` it is sent again (the store keeps
 * at most one in flight and takes the first answer that comes, see chat-store.ts), and after
 * `maxAttempts` the visitor and the host are told, and nothing more is sent until something new needs a
 * conversation.
 */
export const START_TIMEOUT_MS = 5_000;
export const START_ATTEMPTS = 3;

export interface StartWatchDeps {
  /** The start went unanswered: send it again. */
  retry(): void;
  /** Every attempt went unanswered. */
  giveUp(): void;
  timeoutMs?: number;
  maxAttempts?: number;
}

export function createStartWatch(deps: StartWatchDeps) {
  const timeoutMs = deps.timeoutMs ?? START_TIMEOUT_MS;
  const maxAttempts = deps.maxAttempts ?? START_ATTEMPTS;
  let attempts = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  return {
    /** A start went out. */
    sent(): void {
      attempts += 1;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (attempts < maxAttempts) deps.retry();
        else {
          attempts = 0;
          deps.giveUp();
        }
      }, timeoutMs);
    },
    /** The hub answered, or the socket the start went out on is gone (a new socket starts afresh). */
    settled(): void {
      clearTimeout(timer);
      timer = undefined;
      attempts = 0;
    },
    /** Whether a start is waiting for its answer. */
    waiting: (): boolean => timer !== undefined,
    dispose(): void {
      clearTimeout(timer);
    },
  };
}
