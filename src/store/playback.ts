/**
 * Plays incoming bot and agent messages in order, honouring `pause` parts: the parts before a pause are
 * shown, a typing indicator runs for the pause, then the rest follows. A message that arrives during a pause
 * waits its turn, so the conversation never shows out of order.
 */
import type { MessagePart } from '../protocol';

export interface Segment {
  parts: MessagePart[];
  /** 0 for the first segment of a message, 1 after the first pause, … */
  index: number;
}

export interface PlaybackItem<T> {
  parts: MessagePart[];
  meta: T;
}

export interface PlaybackOptions<T> {
  show(segment: Segment, meta: T): void;
  typing(active: boolean, meta: T | undefined): void;
  wait?: (ms: number) => Promise<void>;
}

export interface Playback<T> {
  enqueue(item: PlaybackItem<T>): void;
  /** Drops what has not been shown yet (a new conversation, destroy). */
  cancel(): void;
}

export function splitAtPauses(parts: readonly MessagePart[]): Array<Segment | { pauseMs: number }> {
  const out: Array<Segment | { pauseMs: number }> = [];
  let current: MessagePart[] = [];
  let index = 0;
  for (const part of parts) {
    if (part.kind === 'pause') {
      if (current.length) out.push({ parts: current, index: index++ });
      current = [];
      out.push({ pauseMs: part.ms });
    } else {
      current.push(part);
    }
  }
  if (current.length || out.length === 0) out.push({ parts: current, index });
  return out;
}

const defaultWait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createPlayback<T>(opts: PlaybackOptions<T>): Playback<T> {
  const wait = opts.wait ?? defaultWait;
  let queue: PlaybackItem<T>[] = [];
  let running = false;
  let generation = 0;

  async function run(): Promise<void> {
    running = true;
    const gen = generation;
    while (queue.length && gen === generation) {
      const item = queue.shift()!;
      for (const step of splitAtPauses(item.parts)) {
        if (gen !== generation) break;
        if ('pauseMs' in step) {
          opts.typing(true, item.meta);
          await wait(step.pauseMs);
          opts.typing(false, item.meta);
        } else {
          opts.show(step, item.meta);
        }
      }
    }
    // A cancelled run must not clear the flag of the run that replaced it.
    if (gen === generation) running = false;
  }

  return {
    enqueue(item) {
      queue.push(item);
      if (!running) void run();
    },
    cancel() {
      generation++;
      queue = [];
      running = false;
      opts.typing(false, undefined);
    },
  };
}
