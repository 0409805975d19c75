/**
 * Size budgets of the built widget (run after `npm run build`; part of `npm test`):
 *   - the loader, dist/captivate-chat.js: ≤ 3 KB brotli;
 *   - the open widget (loader + app entry + every chunk it imports statically): ≤ 45 KB brotli;
 *   - the rich-text renderer (marked + DOMPurify), fetched the first time a message has markup: ≤ 26 KB.
 * Prints a table and `--json` prints the figures for the benchmark report. Exits 1 when over budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const BUDGETS = { loaderBrotli: 3 * 1024, openWidgetBrotli: 45 * 1024, richTextBrotli: 26 * 1024 };

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface SizeReport {
  loader: Sizes;
  openWidget: Sizes & { files: string[] };
  richText: Sizes & { files: string[] };
}

function sizes(bytes: Buffer): Sizes {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function total(dist: string, files: Iterable<string>): Sizes & { files: string[] } {
  const sum = { raw: 0, gzip: 0, brotli: 0, files: [...files] };
  for (const file of sum.files) {
    const s = sizes(readFileSync(join(dist, file)));
    sum.raw += s.raw;
    sum.gzip += s.gzip;
    sum.brotli += s.brotli;
  }
  return sum;
}

export function measure(dist = 'dist'): SizeReport {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  /** The chunk files reachable from `key` through static imports. */
  const closure = (key: string, into: Set<string>, skip: Set<string>): void => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file) || skip.has(chunk.file)) return;
    into.add(chunk.file);
    for (const next of chunk.imports ?? []) closure(next, into, skip);
  };
  const open = new Set<string>(['captivate-chat.js']);
  closure('src/embed/app-entry.ts', open, new Set());
  const lazy = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!open.has(chunk.file)) continue;
    for (const next of chunk.dynamicImports ?? []) if (key !== next) closure(next, lazy, open);
  }
  return {
    loader: sizes(readFileSync(join(dist, 'captivate-chat.js'))),
    openWidget: total(dist, open),
    richText: total(dist, lazy),
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
    console.log(
      `rich text   ${kb(report.richText.raw).padEnd(12)}${kb(report.richText.gzip).padEnd(12)}${kb(report.richText.brotli).padEnd(12)}${kb(BUDGETS.richTextBrotli)}`,
    );
    console.log(
      `open widget: ${report.openWidget.files.join(', ')}; rich text: ${report.richText.files.join(', ')}`,
    );
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
