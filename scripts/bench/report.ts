/**
 * The benchmark's report: named figures, each the median (with min and max) of its runs, an optional
 * target, and the table printed from it. The JSON shape is versioned: progress is tracked by comparing
 * reports, so fields are only ever added.
 */

export interface Figure {
  unit: 'ms' | 'µs' | 'bytes' | 'MB' | 'count' | 'ratio';
  /** null when the median falls on a run that gave no value (see `missing`). */
  median: number | null;
  min: number | null;
  max: number | null;
  values: (number | null)[];
  /** Runs that gave no value (failed): counted in the median, never dropped. */
  missing?: number;
  /** The target: every run must give a value and the median must be at most this. */
  target?: number;
  pass?: boolean;
  note?: string;
}

export interface BenchReport {
  format: 'captivate-chat-bench/1';
  date: string;
  runs: number;
  /** Runs that failed (scenario, run, first line of the error); any entry fails the bench. */
  failures: string[];
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; browser: string };
  figures: Record<string, Figure>;
}

const round = (n: number, unit: Figure['unit']): number =>
  unit === 'bytes' || unit === 'count'
    ? Math.round(n)
    : unit === 'ratio'
      ? Math.round(n * 100) / 100
      : Math.round(n * 10) / 10;

export function figure(
  unit: Figure['unit'],
  values: (number | null | undefined)[],
  opts: { target?: number; note?: string } = {},
): Figure {
  const kept = values.map((v) => (v === undefined || v === null || !Number.isFinite(v) ? null : v));
  const sorted = kept.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const missing = kept.length - sorted.length;
  // A missing value (a failed run) ranks above every measured one: it can move the median up, and a
  // median that lands on one is null. Dropping it would let a run that failed make the figure look better.
  const ranked = [...sorted, ...Array<number>(missing).fill(Number.POSITIVE_INFINITY)];
  const mid = ranked.length / 2;
  const middle = ranked.length
    ? ranked.length % 2
      ? ranked[Math.floor(mid)]!
      : (ranked[mid - 1]! + ranked[mid]!) / 2
    : Number.POSITIVE_INFINITY;
  const median = Number.isFinite(middle) ? middle : null;
  const out: Figure = {
    unit,
    median: median === null ? null : round(median, unit),
    min: sorted.length ? round(sorted[0]!, unit) : null,
    max: sorted.length && missing === 0 ? round(sorted[sorted.length - 1]!, unit) : null,
    values: kept.map((v) => (v === null ? null : round(v, unit))),
  };
  if (missing) out.missing = missing;
  if (opts.target !== undefined) {
    out.target = opts.target;
    out.pass = missing === 0 && out.median !== null && out.median <= opts.target;
  }
  if (opts.note) out.note = opts.note;
  return out;
}

/** Why the bench fails: every figure that missed its target. */
export function missedTargets(figures: Record<string, Figure>): string[] {
  return Object.entries(figures)
    .filter(([, f]) => f.pass === false)
    .map(([name, f]) => {
      const why = f.missing ? `${f.missing} of ${f.values.length} runs gave no value` : `median ${f.median}`;
      return `${name}: ${why}, target ≤ ${f.target} ${f.unit}`;
    });
}

const show = (n: number | null, unit: Figure['unit']): string => {
  if (n === null) return '—';
  if (unit === 'bytes') return `${(n / 1024).toFixed(2)} KB`;
  return unit === 'count' ? String(n) : unit === 'ratio' ? `${n}×` : `${n} ${unit}`;
};

export function table(report: BenchReport): string {
  const rows = Object.entries(report.figures).map(([name, f]) => [
    name,
    show(f.median, f.unit),
    f.missing
      ? `${f.missing} failed`
      : f.min === f.max
        ? ''
        : `${show(f.min, f.unit)} – ${show(f.max, f.unit)}`,
    f.target === undefined ? '' : `≤ ${show(f.target, f.unit)} ${f.pass ? 'ok' : 'MISSED'}`,
  ]);
  const head = ['figure', 'median', 'min – max', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `${report.runs} runs each; ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.browser}`,
  ].join('\n');
}
