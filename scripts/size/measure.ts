/**
 * Runs the size scenarios and checks them against the budgets. Every scenario runs even when one fails, so
 * the report shows all figures; a failed scenario is a failure of the check, never a zero.
 */
import { hashKey, makeKey } from '../../src/storage/keys';
import { BUDGETS, LOCALE_SCENARIOS } from './budgets';
import { type Fetched, type Sizes, sum } from './fetch-log';
import { beforeClick, beforeClickElement, openWithMarkdown, type SizeEnv } from './scenarios';

export interface ScenarioSize {
  name: string;
  budget: number;
  /** Undefined when the scenario failed (see `error`). */
  files?: Fetched[];
  total?: Sizes;
  error?: string;
}

export interface FetchedSizeReport {
  scenarios: ScenarioSize[];
  /** Human-readable reasons the check fails: over budget, or a scenario that did not complete. */
  problems: string[];
}

export const kb = (n: number): string => `${(n / 1024).toFixed(2)} KB`;

/** The storage key under which the widget on the test host page keeps its conversation id. */
export function conversationKey(hubUrl: string): string {
  return makeKey(hashKey(`${new URL(hubUrl).href}|e2e-key`), 'conversation');
}

async function attempt(name: string, budget: number, run: () => Promise<Fetched[]>): Promise<ScenarioSize> {
  try {
    const files = await run();
    return { name, budget, files, total: sum(files) };
  } catch (error) {
    return { name, budget, error: (error as Error).message.split('\n')[0] };
  }
}

/** `locales: false` measures the English scenarios only (a test that breaks the build needs no more). */
export async function measureFetched(
  env: Omit<SizeEnv, 'storageKey'>,
  { locales = true }: { locales?: boolean } = {},
): Promise<FetchedSizeReport> {
  const full: SizeEnv = { ...env, storageKey: conversationKey(env.hub.url) };
  const scenarios = [
    await attempt('before any click', BUDGETS.beforeClick, () => beforeClick(full)),
    await attempt('open with markdown', BUDGETS.openWithMarkdown, () => openWithMarkdown(full)),
    await attempt('element page before any click', BUDGETS.beforeClick, () => beforeClickElement(full)),
  ];
  const english = new Set(scenarios[1]?.files?.map((f) => f.path) ?? []);
  for (const { locale, cfg } of locales ? LOCALE_SCENARIOS : []) {
    const run = await attempt(`open in ${locale}`, BUDGETS.localeChunk, () => openWithMarkdown(full, cfg));
    // The locale's chunk is what this run fetched beyond the English one; each file is budgeted alone.
    for (const file of run.files?.filter((f) => !english.has(f.path)) ?? []) {
      scenarios.push({
        name: `${locale} chunk ${file.path}`,
        budget: BUDGETS.localeChunk,
        files: [file],
        total: file,
      });
    }
    if (run.error) scenarios.push(run);
  }
  const problems = scenarios.flatMap((s) => {
    if (s.error !== undefined) return [`${s.name}: failed (${s.error})`];
    if (s.total && s.total.brotli > s.budget) return [`${s.name}: ${kb(s.total.brotli)} > ${kb(s.budget)}`];
    return [];
  });
  return { scenarios, problems };
}

/** The report as a table: each scenario's total, then each file it fetched. */
export function sizeTable(report: FetchedSizeReport): string {
  const row = (label: string, s: Sizes | undefined, budget = '') =>
    `${label.padEnd(44)}${(s ? kb(s.raw) : '—').padStart(11)}${(s ? kb(s.gzip) : '—').padStart(11)}${(s ? kb(s.brotli) : '—').padStart(11)}  ${budget}`;
  const lines = [
    `${'fetched (JS/CSS responses)'.padEnd(44)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'brotli'.padStart(11)}  budget (brotli)`,
  ];
  for (const s of report.scenarios) {
    const verdict = s.error !== undefined ? 'FAILED' : s.total && s.total.brotli > s.budget ? 'OVER' : 'ok';
    lines.push(row(s.name, s.total, `≤ ${kb(s.budget)} ${verdict}`));
    for (const f of s.files ?? []) if (s.files!.length > 1) lines.push(row(`  ${f.path}`, f));
  }
  return lines.join('\n');
}
