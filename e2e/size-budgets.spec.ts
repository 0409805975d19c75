/**
 * The size check measures what the browser fetches, so a chunk missing from the build fails it instead of
 * counting as 0 bytes: served from a copy of `dist/` with one chunk renamed, the scenario that needs the chunk
 * fails and names the file.
 */
import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { measureFetched } from '../scripts/size/measure';
import { expect, test } from './support/fixtures';
import { startSite } from './support/site';

test('a renamed chunk fails the size check and is named', async ({ browser, hub }) => {
  const copy = mkdtempSync(join(tmpdir(), 'cc-dist-'));
  cpSync(resolve(import.meta.dirname, '../dist'), copy, { recursive: true });
  const chunk = readdirSync(join(copy, 'assets')).find((f) => /^mount-.*\.js$/.test(f))!;
  renameSync(join(copy, 'assets', chunk), join(copy, 'assets', `renamed-${chunk}`));
  const site = await startSite({ ws: hub.url, http: hub.httpUrl }, { dist: copy });
  try {
    const report = await measureFetched({ browser, hub, site }, { locales: false });
    const before = report.scenarios.find((s) => s.name === 'before any click');
    expect(before?.error).toBeUndefined();
    expect(before?.total?.brotli).toBeGreaterThan(1000);
    expect(report.problems).toEqual([
      expect.stringMatching(`open with markdown: failed .*${chunk}: HTTP 404`),
    ]);
  } finally {
    await site.close();
    rmSync(copy, { recursive: true, force: true });
  }
});
