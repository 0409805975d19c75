/**
 * A part of the panel that only some visitors need (the conversation menu, cards) lives in a chunk of its own,
 * fetched the first time it is wanted: a press, a pointer coming near, a message that needs it; never ahead of
 * need or on idle, so the first open costs only what every visitor sees. `current` is a signal: everything
 * waiting for the chunk renders as soon as it arrives, whichever want fetched it. A failed fetch (offline) is
 * forgotten, so the next want fetches again.
 */
import { type ReadonlySignal, signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { loadOnce } from '../lazy/load-once';
import { useUi } from './context';

export interface LazyChunk<M> {
  /** The chunk's module once it has arrived, else undefined. */
  readonly current: ReadonlySignal<M | undefined>;
  load(): Promise<M>;
  /** `load` for callers that only want `current` to fill in: a failure is left for the next want to retry. */
  want(): void;
}

export function createLazyChunk<M>(importer: () => Promise<M>): LazyChunk<M> {
  const current = signal<M | undefined>(undefined);
  const load = loadOnce(() =>
    importer().then((module) => {
      current.value = module;
      return module;
    }),
  );
  return {
    current,
    load,
    want() {
      if (!current.peek()) load().catch(() => {});
    },
  };
}

/**
 * A component's use of a chunk: fetched while `want` is truthy, and again at each new value of it (a count
 * that grows: the next file) or of the connection's state (it comes back), so a fetch that failed (offline)
 * is retried. The module, once here, is returned on the next render.
 */
export function useChunk<M>(chunk: LazyChunk<M>, want: boolean | number = true): M | undefined {
  const connection = useUi().store.state.connection.value.state;
  useEffect(() => {
    if (want) chunk.want();
  }, [chunk, want, connection]);
  return chunk.current.value;
}
