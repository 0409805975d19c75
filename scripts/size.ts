/**
 * `npm run size` (after `npm run build`; part of `npm test`): the size budgets, measured as what Chromium
 * fetches. It serves `dist/` with e2e/support/site.ts, runs the scenarios of scripts/size/scenarios.ts against
 * an in-process hub emulator and sums, per scenario, the brotli (and gzip) size of every JS/CSS response.
 * Budgets are in scripts/size/budgets.ts. Exits 1 when a scenario is over budget or did not complete (a
 * missing or renamed chunk fails the scenario that needs it). `--json` prints the report as JSON;
 * `--dist DIR` serves another build.
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startSite } from '../e2e/support/site';
import { createHub } from '../server/hub';
import { launchOptions } from './chromium';
import { measureFetched, sizeTable } from './size/measure';

const hub = await createHub({ port: 0, replyDelayMs: 0, agentDelayMs: 0, log: () => {} });
const distArg = process.argv.indexOf('--dist');
const site = await startSite(
  { ws: hub.url, http: hub.httpUrl },
  distArg > 0 ? { dist: resolve(process.argv[distArg + 1] ?? 'dist') } : {},
);
const browser = await chromium.launch(launchOptions());
let failed = true;
try {
  const report = await measureFetched({ browser, hub, site });
  console.log(process.argv.includes('--json') ? JSON.stringify(report, null, 2) : sizeTable(report));
  if (report.problems.length) console.error(`\nSize check failed:\n  ${report.problems.join('\n  ')}`);
  failed = report.problems.length > 0;
} finally {
  await browser.close();
  await site.close();
  await hub.close();
}
process.exit(failed ? 1 : 0);
