/**
 * `npm run bench`: the widget's performance, measured in headless Chromium against the built widget (`dist/`,
 * served by e2e/support/site.ts) and an in-process hub emulator (replies without delay), all on 127.0.0.1.
 * Prints a table and a JSON report, also written to bench-results/latest.json. Options: `--runs N` (default
 * 5; figures are the median of the runs, with min and max), `--only startup,restore,tail,burst,flood,reconnect`,
 * `--short` (what `npm test` runs: 3 runs, the 1,000-message restore only, no flood, no throttled profile,
 * times held to 3× their targets).
 * Exits 1 when a figure misses its target or any run failed (a failed run is never left out of a median).
 *
 * Report format `captivate-chat-bench/1` (fields are only ever added): `{format, date, runs, failures,
 * machine, figures}`, where `figures[name] = {unit, median, min, max, values, missing?, target?, pass?, note?}`. Figures:
 *   size.beforeClick.{gzip,brotli}            bytes of the widget's JS/CSS that Chromium fetched before any
 *                                             click, each response compressed (scripts/size/, with budgets)
 *   size.openWithMarkdown.{gzip,brotli}       the same for the first open of a conversation holding one
 *                                             markdown message, until it is rendered
 *   launcher.paintedAfterLoaderStart          ms from the loader's first statement (its read of
 *                                             document.currentScript) to the frame that painted the launcher
 *   launcher.paintedAfterNavigation           ms from navigation start to that frame
 *   greeting.afterClick                       ms from the launcher click event to the frame that painted the
 *                                             bot's greeting (app chunk, socket, conversation_start included)
 *   restore.{1000,10000}.render               ms from the `conversation_transcript` frame reaching the page
 *                                             to the frame that painted the last restored message
 *   restore.{1000,10000}.fromNavigation       ms from navigation start to that frame
 *   restore.{1000,5000}.tail.fromNavigation   the same on a second load of that page, which starts from the
 *                                             stored tail (targets 200 and 300 ms); `.beforeTranscript`: 1 when
 *                                             that frame came before the transcript reached the page
 *   restore.{1000,5000}.tail.transcriptApplied  ms from navigation start to the first frame painted after the
 *                                             widget applied the transcript (reconciled with the stored tail)
 *                                             and reported the first message it added; `.transcriptHandling`:
 *                                             ms from the transcript reaching the page to the end of the first
 *                                             ordinary task queued then (a long transcript's slices, continued
 *                                             with `scheduler.yield()`, run before it)
 *   restore.{1000,5000}.tail.{longTasks,longestTask}  `longtask` entries of that load that started before the
 *                                             transcript was applied and painted, or within 500 ms after
 *                                             (longest: target 50 ms; the short run reports it without a target)
 *   throttled.restore.{1000,5000}.tail.*      the same under the throttled profile, 100 ms round trip and
 *                                             10 Mbit/s each way (bench/network.ts: HTTP through CDP, the socket
 *                                             through a delaying proxy); fromNavigation target 600 ms;
 *                                             `.bytes.{jsCss,http,socket}`: what that load fetched (encoded JS
 *                                             and CSS, every HTTP response, the socket frames received)
 *   after10000.{heapMB,domNodes,messageElements}  after the 10,000-message restore settled (+500 ms): used JS
 *                                             heap after a forced GC (CDP Runtime.getHeapUsage), elements in
 *                                             the document and every shadow root, `[data-sender]` elements
 *   burst.1000.{longestTask,totalBlockingTime} `longtask` entries from the first of 1,000 pushed markdown bot
 *                                             messages until 500 ms after the last was painted (TBT: the sum
 *                                             of each task's time beyond 50 ms)
 *   burst.1000.lastRendered                   ms from the push to the frame that painted the last message
 *   flood.{1000,100000}.cpuPerMessageUs      main-thread task time (CDP TaskDuration) per message while the hub
 *                                             pushes 1,000 / 100,000 bot messages in bursts of 1,000 (each burst
 *                                             once the one before is painted); `flood.100000.cpuPerMessageRatio`:
 *                                             the second over the first (linear handling keeps it near 1; target 10)
 *   flood.100000.{longestTask,heapMB}         the longest task during that flood; used JS heap after it (forced GC)
 *   reconnect.afterHubBack, reconnect.fromDrop  the hub drops every socket and refuses upgrades for 500 ms: ms
 *                                             from the hub being back (or from the drop) to status `connected`
 *   resync.afterHubBack                       ms from the hub being back until a `conversation_transcript`
 *                                             reached the page again (the widget resynchronised); null when
 *                                             none within 3 s of reconnecting
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chromium } from 'playwright-core';
import { startSite } from '../e2e/support/site';
import { createHub } from '../server/hub';
import { startSocketDelay, THROTTLED } from './bench/network';
import { type BenchReport, missedTargets, table } from './bench/report';
import { runScenarios } from './bench/run';
import { launchOptions } from './chromium';
import { conversationKey, measureFetched, sizeTable } from './size/measure';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const short = process.argv.includes('--short');
const runs = Math.max(1, Math.min(50, Number(arg('--runs') ?? (short ? 3 : 5)) || 5));
// The flood (100,000 messages, about a minute a run) is left to the full bench.
const only = new Set(
  (arg('--only') ?? `startup,restore,tail,burst,reconnect${short ? '' : ',flood'}`).split(','),
);

// The restores measured here read long transcripts over the socket: above the gateway's 128 KB frame limit.
const maxFrameOut = 64 * 1024 * 1024;
const hub = await createHub({ port: 0, replyDelayMs: 0, agentDelayMs: 0, maxFrameOut, log: () => {} });
const site = await startSite({ ws: hub.url, http: hub.httpUrl });
// The throttled profile's socket goes through a delaying proxy (CDP does not throttle WebSocket frames).
const socketDelay = short ? null : await startSocketDelay(hub.url, THROTTLED);
const browser = await chromium.launch(launchOptions());
let problems: string[] = ['the bench did not finish'];
try {
  const sizes = await measureFetched({ browser, hub, site });
  const storageKey = conversationKey(hub.url);
  const env = { browser, hub, site, storageKey };
  const throttledEnv = socketDelay
    ? { ...env, socketUrl: socketDelay.url, storageKey: conversationKey(socketDelay.url) }
    : null;
  const { figures, failures } = await runScenarios(env, {
    runs,
    only,
    sizes,
    restoreCounts: short ? [1000] : [1000, 10000],
    tailCounts: short ? [1000] : [1000, 5000],
    throttledEnv,
    timeTolerance: short ? 3 : 1,
  });
  const report: BenchReport = {
    format: 'captivate-chat-bench/1',
    date: new Date().toISOString(),
    runs,
    failures,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      browser: `Chromium ${browser.version()}`,
    },
    figures,
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
  if (!short) console.log(JSON.stringify(report, null, 2));
  console.log(`\n${sizeTable(sizes)}\n\n${table(report)}\n\nWritten to bench-results/latest.json`);
  problems = [...failures.map((f) => `failed run: ${f}`), ...missedTargets(figures)];
} finally {
  await browser.close();
  await site.close();
  await socketDelay?.close();
  await hub.close();
}
if (problems.length) {
  console.error(`\nBench failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
