/**
 * Runs each scenario `runs` times and turns the runs into the report's figures (names and targets as
 * documented in scripts/bench.ts). A failed run is logged and counted as a missing value, so one flaky run
 * cannot hide the others; a figure with no value at all says why in its note.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from 'playwright-core';
import type { SizeReport } from '../size';
import type { Figure } from './report';
import { figure } from './report';
import { burstRun, type Env, reconnectRun, restoreRun, seedHistory, startupRun } from './scenarios';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const REFUSE_MS = 500;
const BURST = 1000;
const RECONNECT_HISTORY = 20;

export function launchOptions(): LaunchOptions {
  return {
    ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  };
}

async function repeat<T>(name: string, runs: number, run: (i: number) => Promise<T>): Promise<(T | null)[]> {
  const out: (T | null)[] = [];
  for (let i = 0; i < runs; i++) {
    try {
      out.push(await run(i));
    } catch (error) {
      console.error(`bench: ${name} run ${i + 1} failed: ${(error as Error).message.split('\n')[0]}`);
      out.push(null);
    }
  }
  process.stderr.write(`bench: ${name} done\n`);
  return out;
}

function sizeFigures(sizes: SizeReport): Record<string, Figure> {
  const withRich = {
    gzip: sizes.openWidget.gzip + sizes.richText.gzip,
    brotli: sizes.openWidget.brotli + sizes.richText.brotli,
  };
  return {
    'size.loader.gzip': figure('bytes', [sizes.loader.gzip]),
    'size.loader.brotli': figure('bytes', [sizes.loader.brotli]),
    'size.openWidget.gzip': figure('bytes', [sizes.openWidget.gzip]),
    'size.openWidget.brotli': figure('bytes', [sizes.openWidget.brotli]),
    'size.openWidgetWithRichText.gzip': figure('bytes', [withRich.gzip]),
    'size.openWidgetWithRichText.brotli': figure('bytes', [withRich.brotli]),
  };
}

export async function runScenarios(
  env: Env,
  { runs, only, sizes }: { runs: number; only: Set<string>; sizes: SizeReport },
): Promise<Record<string, Figure>> {
  const figures = sizeFigures(sizes);
  const pick = <T extends object, K extends keyof T>(rows: (T | null)[], key: K) =>
    rows.map((r) => (r === null ? null : (r[key] as number | null)));

  if (only.has('startup')) {
    const rows = await repeat('startup', runs, () => startupRun(env));
    figures['launcher.paintedAfterLoaderStart'] = figure('ms', pick(rows, 'launcherAfterLoader'), {
      target: 50,
    });
    figures['launcher.paintedAfterNavigation'] = figure('ms', pick(rows, 'launcherAfterNavigation'));
    figures['greeting.afterClick'] = figure('ms', pick(rows, 'greetingAfterClick'));
  }
  if (only.has('restore')) {
    for (const [count, target] of [
      [1000, 150],
      [10000, 400],
    ] as const) {
      const marker = `End of history ${count}`;
      const conversationId = seedHistory(env, count, marker);
      const rows = await repeat(`restore ${count}`, runs, () => restoreRun(env, conversationId, marker));
      figures[`restore.${count}.render`] = figure('ms', pick(rows, 'render'), { target });
      figures[`restore.${count}.fromNavigation`] = figure('ms', pick(rows, 'fromNavigation'));
      if (count === 10000) {
        figures['after10000.heapMB'] = figure('MB', pick(rows, 'heapMB'), { target: 30 });
        figures['after10000.domNodes'] = figure('count', pick(rows, 'domNodes'), { target: 2000 });
        figures['after10000.messageElements'] = figure('count', pick(rows, 'messageElements'));
      }
    }
  }
  if (only.has('burst')) {
    const rows = await repeat('burst', runs, (i) => burstRun(env, i, BURST));
    figures[`burst.${BURST}.longestTask`] = figure('ms', pick(rows, 'longestTask'), { target: 50 });
    figures[`burst.${BURST}.totalBlockingTime`] = figure('ms', pick(rows, 'totalBlockingTime'));
    figures[`burst.${BURST}.lastRendered`] = figure('ms', pick(rows, 'lastRendered'));
  }
  if (only.has('reconnect')) {
    const marker = `End of history ${RECONNECT_HISTORY}`;
    const conversationId = seedHistory(env, RECONNECT_HISTORY, marker);
    const rows = await repeat('reconnect', runs, () => reconnectRun(env, conversationId, marker, REFUSE_MS));
    figures['reconnect.afterHubBack'] = figure('ms', pick(rows, 'afterHubBack'));
    figures['reconnect.fromDrop'] = figure('ms', pick(rows, 'fromDrop'));
    const resync = pick(rows, 'resyncAfterHubBack');
    figures['resync.afterHubBack'] = figure('ms', resync, {
      ...(resync.every((v) => v === null)
        ? { note: 'no transcript reached the page within 3 s of reconnecting' }
        : {}),
    });
  }
  return figures;
}
