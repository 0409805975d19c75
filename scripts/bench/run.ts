/**
 * Runs each scenario `runs` times and turns the runs into the report's figures (names and targets as
 * documented in scripts/bench.ts). A failed run is logged, listed in `failures` and kept as a missing value:
 * it is never dropped from the median (see report.ts `figure`), and the bench fails.
 */
import { BUDGETS } from '../size/budgets';
import type { FetchedSizeReport } from '../size/measure';
import { THROTTLED } from './network';
import type { Figure } from './report';
import { figure } from './report';
import {
  burstRun,
  type Env,
  floodRun,
  reconnectRun,
  restoreRun,
  seedHistory,
  startupRun,
  type TailRun,
  tailRun,
} from './scenarios';

const REFUSE_MS = 500;
const BURST = 1000;
/** The flood: this many bot messages in bursts of BURST, against one burst alone. */
const FLOOD = 100_000;
const RECONNECT_HISTORY = 20;

export interface BenchPlan {
  runs: number;
  only: Set<string>;
  /** Conversation lengths of the restore scenario. */
  restoreCounts: readonly (1000 | 10000)[];
  /** Conversation lengths of the second load, from the stored tail (`restore.N.tail.*`). */
  tailCounts: readonly (1000 | 5000)[];
  /**
   * The bench's environment behind the throttled network profile (its socket through network.ts's delaying
   * proxy), when the `throttled.restore.N.tail.*` figures are measured; null to leave them out.
   */
  throttledEnv: Env | null;
  /**
   * Times are held to `target × timeTolerance`: 1 for the full bench; the short run in `npm test` (3 runs on a
   * 2-core CI machine) uses a wider margin, to catch a regression without failing on a noisy run. Sizes are
   * always held to their budgets.
   */
  timeTolerance: number;
  sizes: FetchedSizeReport;
}

function sizeFigures(sizes: FetchedSizeReport): Record<string, Figure> {
  const figures: Record<string, Figure> = {};
  const names: [string, string, number][] = [
    ['before any click', 'beforeClick', BUDGETS.beforeClick],
    ['open with markdown', 'openWithMarkdown', BUDGETS.openWithMarkdown],
  ];
  for (const [scenario, name, budget] of names) {
    const total = sizes.scenarios.find((s) => s.name === scenario)?.total;
    figures[`size.${name}.gzip`] = figure('bytes', [total?.gzip]);
    figures[`size.${name}.brotli`] = figure('bytes', [total?.brotli], { target: budget });
  }
  return figures;
}

export async function runScenarios(
  env: Env,
  { runs, only, restoreCounts, tailCounts, throttledEnv, timeTolerance, sizes }: BenchPlan,
): Promise<{ figures: Record<string, Figure>; failures: string[] }> {
  const figures = sizeFigures(sizes);
  const ms = (target: number) => ({ target: target * timeTolerance });
  const failures = sizes.scenarios.flatMap((s) =>
    s.error === undefined ? [] : [`size ${s.name}: ${s.error}`],
  );
  async function repeat<T>(name: string, run: (i: number) => Promise<T>): Promise<(T | null)[]> {
    const out: (T | null)[] = [];
    for (let i = 0; i < runs; i++) {
      try {
        out.push(await run(i));
      } catch (error) {
        failures.push(`${name} run ${i + 1}: ${(error as Error).message.split('\n')[0]}`);
        console.error(`bench: ${failures.at(-1)}`);
        out.push(null);
      }
    }
    process.stderr.write(`bench: ${name} done\n`);
    return out;
  }
  const pick = <T extends object, K extends keyof T>(rows: (T | null)[], key: K) =>
    rows.map((r) => (r === null ? null : (r[key] as number | null)));

  if (only.has('startup')) {
    const rows = await repeat('startup', () => startupRun(env));
    figures['launcher.paintedAfterLoaderStart'] = figure('ms', pick(rows, 'launcherAfterLoader'), ms(50));
    figures['launcher.paintedAfterNavigation'] = figure('ms', pick(rows, 'launcherAfterNavigation'));
    figures['greeting.afterClick'] = figure('ms', pick(rows, 'greetingAfterClick'));
  }
  // A conversation seeded once serves every scenario of its length.
  const seeded = new Map<number, string>();
  const seed = (count: number) => {
    if (!seeded.has(count)) seeded.set(count, seedHistory(env, count, `End of history ${count}`));
    return seeded.get(count)!;
  };
  if (only.has('restore')) {
    const targets = { 1000: 150, 10000: 400 } as const;
    for (const count of restoreCounts) {
      const target = targets[count];
      const marker = `End of history ${count}`;
      const conversationId = seed(count);
      const rows = await repeat(`restore ${count}`, () => restoreRun(env, conversationId, marker));
      figures[`restore.${count}.render`] = figure('ms', pick(rows, 'render'), ms(target));
      figures[`restore.${count}.fromNavigation`] = figure('ms', pick(rows, 'fromNavigation'));
      if (count === 10000) {
        figures['after10000.heapMB'] = figure('MB', pick(rows, 'heapMB'), { target: 30 });
        figures['after10000.domNodes'] = figure('count', pick(rows, 'domNodes'), { target: 2000 });
        figures['after10000.messageElements'] = figure('count', pick(rows, 'messageElements'));
      }
    }
  }
  if (only.has('tail')) {
    // The targets for the last message on screen after navigation, from the stored tail.
    const tailTargets = { 1000: 200, 5000: 300 } as const;
    for (const count of tailCounts) {
      const marker = `End of history ${count}`;
      const conversationId = seed(count);
      const rows = await repeat(`restore ${count} from the stored tail`, () =>
        tailRun(env, conversationId, marker),
      );
      // The longest task is held to 50 ms by the full bench only: on a loaded 2-core runner a single task of
      // the short run swings from 0 to 200 ms, so there it is reported, not judged.
      const longTask = timeTolerance === 1 ? ms(50) : {};
      Object.assign(figures, tailFigures(`restore.${count}.tail`, rows, ms(tailTargets[count]), longTask));
      if (throttledEnv) {
        const throttled = await repeat(`restore ${count} from the stored tail, throttled`, () =>
          tailRun(throttledEnv, conversationId, marker, THROTTLED),
        );
        Object.assign(
          figures,
          tailFigures(`throttled.restore.${count}.tail`, throttled, ms(600), ms(50)),
          bytesFigures(`throttled.restore.${count}.tail`, throttled),
        );
      }
    }
  }
  if (only.has('burst')) {
    const rows = await repeat('burst', (i) => burstRun(env, i, BURST));
    figures[`burst.${BURST}.longestTask`] = figure('ms', pick(rows, 'longestTask'), ms(50));
    figures[`burst.${BURST}.totalBlockingTime`] = figure('ms', pick(rows, 'totalBlockingTime'));
    figures[`burst.${BURST}.lastRendered`] = figure('ms', pick(rows, 'lastRendered'));
  }
  if (only.has('flood')) {
    const one = await repeat('flood 1,000', (i) => floodRun(env, i, BURST, BURST));
    const all = await repeat(`flood ${FLOOD}`, (i) => floodRun(env, runs + i, FLOOD, BURST));
    const perMessage = (rows: typeof one) => pick(rows, 'cpuPerMessageUs');
    figures[`flood.${BURST}.cpuPerMessageUs`] = figure('µs', perMessage(one));
    figures[`flood.${FLOOD}.cpuPerMessageUs`] = figure('µs', perMessage(all));
    // Linear: a message of the 100,000 costs what one of the first 1,000 does (within 10×).
    figures[`flood.${FLOOD}.cpuPerMessageRatio`] = figure(
      'ratio',
      perMessage(all).map((v, i) => {
        const base = perMessage(one)[i];
        return v === null || base === null || base === undefined ? null : v / base;
      }),
      { target: 10 },
    );
    figures[`flood.${FLOOD}.longestTask`] = figure('ms', pick(all, 'longestTask'), ms(100));
    figures[`flood.${FLOOD}.heapMB`] = figure('MB', pick(all, 'heapMB'), { target: 30 });
  }
  if (only.has('reconnect')) {
    const marker = `End of history ${RECONNECT_HISTORY}`;
    const conversationId = seedHistory(env, RECONNECT_HISTORY, marker);
    const rows = await repeat('reconnect', () => reconnectRun(env, conversationId, marker, REFUSE_MS));
    figures['reconnect.afterHubBack'] = figure('ms', pick(rows, 'afterHubBack'));
    figures['reconnect.fromDrop'] = figure('ms', pick(rows, 'fromDrop'));
    const resync = pick(rows, 'resyncAfterHubBack');
    figures['resync.afterHubBack'] = figure('ms', resync, {
      ...(resync.every((v) => v === null)
        ? { note: 'no transcript reached the page within 3 s of reconnecting' }
        : {}),
    });
  }
  return { figures, failures };
}

const pickTail = (rows: (TailRun | null)[], key: Exclude<keyof TailRun, 'bytes'>) =>
  rows.map((r) => (r === null ? null : r[key]));

/** The second load's figures (see scripts/bench.ts): its times, and its long tasks while restoring. */
function tailFigures(
  prefix: string,
  rows: (TailRun | null)[],
  lastMessageTarget: { target: number },
  longTaskTarget: { target?: number },
): Record<string, Figure> {
  return {
    [`${prefix}.fromNavigation`]: figure('ms', pickTail(rows, 'fromNavigation'), lastMessageTarget),
    [`${prefix}.beforeTranscript`]: figure('count', pickTail(rows, 'beforeTranscript')),
    [`${prefix}.transcriptApplied`]: figure('ms', pickTail(rows, 'transcriptApplied')),
    [`${prefix}.transcriptHandling`]: figure('ms', pickTail(rows, 'transcriptHandling')),
    [`${prefix}.longTasks`]: figure('count', pickTail(rows, 'longTasks')),
    [`${prefix}.longestTask`]: figure('ms', pickTail(rows, 'longestTask'), longTaskTarget),
  };
}

/** What the second load fetched: JS and CSS, all HTTP, and the socket's frames (the transcript). */
function bytesFigures(prefix: string, rows: (TailRun | null)[]): Record<string, Figure> {
  const bytes = (key: 'jsCss' | 'http' | 'socket') => rows.map((r) => r?.bytes?.[key] ?? null);
  return {
    [`${prefix}.bytes.jsCss`]: figure('bytes', bytes('jsCss')),
    [`${prefix}.bytes.http`]: figure('bytes', bytes('http')),
    [`${prefix}.bytes.socket`]: figure('bytes', bytes('socket')),
  };
}
