/**
 * Measured row heights of the windowed log, by message id, and the running estimate used for rows never
 * rendered yet. Heights are kept per id (not per index) so they survive messages being added, replaced by
 * a transcript, or filtered; a long conversation keeps one number per message it ever showed.
 */

/** What an unmeasured row is assumed to take until one row has been measured (a one-line bubble). */
export const DEFAULT_ROW_PX = 72;

export interface HeightCache {
  /** The measured height, or undefined. */
  get(id: string): number | undefined;
  /** Records a measurement; returns the change from what `heightOf` said before (0 when unchanged). */
  set(id: string, px: number): number;
  /** The measured height, else the average of the measured ones. */
  heightOf(id: string): number;
  /** Drops ids no longer shown, so a replaced conversation does not keep its heights. */
  retain(ids: ReadonlySet<string>): void;
  readonly estimate: number;
  /** Changes whenever a height or the estimate may have changed: offsets computed before are stale. */
  readonly version: number;
}

export function createHeightCache(fallback = DEFAULT_ROW_PX): HeightCache {
  const heights = new Map<string, number>();
  let sum = 0;
  let version = 0;
  const estimate = () => (heights.size ? sum / heights.size : fallback);

  return {
    get: (id) => heights.get(id),
    set(id, px) {
      const before = heights.get(id);
      if (before === px) return 0;
      const said = before ?? estimate();
      sum += px - (before ?? 0);
      heights.set(id, px);
      version++;
      return px - said;
    },
    heightOf: (id) => heights.get(id) ?? estimate(),
    retain(ids) {
      for (const [id, px] of heights) {
        if (ids.has(id)) continue;
        heights.delete(id);
        sum -= px;
        version++;
      }
    },
    get estimate() {
      return estimate();
    },
    get version() {
      return version;
    },
  };
}

/**
 * Prefix sums: `offsets[i]` is the top of row i and `offsets[n]` the total height. Rebuilt when the rows or
 * a height change; 10,000 rows take well under a millisecond, so no incremental structure is needed.
 */
export function rowOffsets(ids: readonly string[], cache: Pick<HeightCache, 'heightOf'>): Float64Array {
  const offsets = new Float64Array(ids.length + 1);
  for (let i = 0; i < ids.length; i++) offsets[i + 1] = offsets[i]! + cache.heightOf(ids[i]!);
  return offsets;
}
