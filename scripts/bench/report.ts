/**
 * The benchmark's report: named figures, each the median (with min and max) of its runs, an optional
 * target, and the table printed from it. The JSON shape is versioned: progress is tracked by comparing
 * reports, so fields are only ever added.
 */

export interface Figure {
  unit: 'ms' | 'bytes' | 'MB' | 'count';
  /** null when every run failed to produce a value (the reason is in `note`). */
  median: number | null;
  min: number | null;
  max: number | null;
  values: (number | null)[];
  /** The target: the median must be at most this. */
  target?: number;
  pass?: boolean;
  note?: string;
}

export interface BenchReport {
  format: 'captivate-chat-bench/1';
  date: string;
  runs: number;
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; browser: string };
  figures: Record<string, Figure>;
}

const round = (n: number, unit: Figure['unit']): number =>
  unit === 'bytes' || unit === 'count' ? Math.round(n) : Math.round(n * 10) / 10;

export function figure(
  unit: Figure['unit'],
  values: (number | null | undefined)[],
  opts: { target?: number; note?: string } = {},
): Figure {
  const kept = values.map((v) => (v === undefined || v === null || !Number.isFinite(v) ? null : v));
  const sorted = kept.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length
    ? sorted.length % 2
      ? sorted[Math.floor(mid)]!
      : (sorted[mid - 1]! + sorted[mid]!) / 2
    : null;
  const out: Figure = {
    unit,
    median: median === null ? null : round(median, unit),
    min: sorted.length ? round(sorted[0]!, unit) : null,
    max: sorted.length ? round(sorted[sorted.length - 1]!, unit) : null,
    values: kept.map((v) => (v === null ? null : round(v, unit))),
  };
  if (opts.target !== undefined) {
    out.target = opts.target;
    out.pass = out.median !== null && out.median <= opts.target;
  }
  if (opts.note) out.note = opts.note;
  return out;
}

const show = (n: number | null, unit: Figure['unit']): string => {
  if (n === null) return '—';
  if (unit === 'bytes') return `${(n / 1024).toFixed(2)} KB`;
  return unit === 'count' ? String(n) : `${n} ${unit}`;
};

export function table(report: BenchReport): string {
  const rows = Object.entries(report.figures).map(([name, f]) => [
    name,
    show(f.median, f.unit),
    f.min === f.max ? '' : `${show(f.min, f.unit)} – ${show(f.max, f.unit)}`,
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
