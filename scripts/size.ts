/**
 * Size budgets of the built widget (run after `npm run build`; part of `npm test`):
 *   - the loader, dist/captivate-chat.js: ≤ 3 KB brotli;
 *   - everything the open widget loads (loader + app entry + every chunk it imports): ≤ 45 KB brotli.
 * Prints a table and `--json` prints the figures for the benchmark report. Exits 1 when over budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const BUDGETS = { loaderBrotli: 3 * 1024, openWidgetBrotli: 45 * 1024 };

interface ManifestChunk {
  file: string;
  imports?: string[];
}

export interface SizeReport {
  loader: { raw: number; gzip: number; brotli: number };
  openWidget: { raw: number; gzip: number; brotli: number; files: string[] };
}

function sizes(bytes: Buffer): { raw: number; gzip: number; brotli: number } {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function measure(dist = 'dist'): SizeReport {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const files = new Set<string>(['captivate-chat.js']);
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit('src/embed/app-entry.ts');
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const s = sizes(readFileSync(join(dist, file)));
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.brotli += s.brotli;
  }
  return {
    loader: sizes(readFileSync(join(dist, 'captivate-chat.js'))),
    openWidget: { ...total, files: [...files] },
  };
}

const kb = (n: number): string => `${(n / 1024).toFixed(2)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log('size        raw         gzip        brotli      budget (brotli)');
    console.log(
      `loader      ${kb(report.loader.raw).padEnd(12)}${kb(report.loader.gzip).padEnd(12)}${kb(report.loader.brotli).padEnd(12)}${kb(BUDGETS.loaderBrotli)}`,
    );
    console.log(
      `open widget ${kb(report.openWidget.raw).padEnd(12)}${kb(report.openWidget.gzip).padEnd(12)}${kb(report.openWidget.brotli).padEnd(12)}${kb(BUDGETS.openWidgetBrotli)}`,
    );
    console.log(`files: ${report.openWidget.files.join(', ')}`);
  }
  const over = [
    report.loader.brotli > BUDGETS.loaderBrotli &&
      `loader ${kb(report.loader.brotli)} > ${kb(BUDGETS.loaderBrotli)}`,
    report.openWidget.brotli > BUDGETS.openWidgetBrotli &&
      `open widget ${kb(report.openWidget.brotli)} > ${kb(BUDGETS.openWidgetBrotli)}`,
  ].filter(Boolean);
  if (over.length) {
    console.error(`Size budget exceeded: ${over.join('; ')}`);
    process.exit(1);
  }
}
