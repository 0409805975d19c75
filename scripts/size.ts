/**
 * Size budgets of the built widget (run after `npm run build`; part of `npm test`):
 *   - the loader, dist/captivate-chat.js: ≤ 3.5 KB brotli;
 *   - the open widget (loader + app entry + every chunk it imports statically): ≤ 47 KB brotli;
 *   - the rich-text renderer (marked + DOMPurify), fetched the first time a message has markup: ≤ 26 KB;
 *   - the conversation-history view, fetched the first time the visitor opens it: ≤ 4 KB;
 *   - each language's strings (src/i18n/locales/), fetched only by that language's visitors: ≤ 2 KB.
 * Prints a table and `--json` prints the figures for the benchmark report. Exits 1 when over budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const BUDGETS = {
  // Before any click: the loader names the launcher in thirteen languages (0.2 KB) and negotiates (0.2 KB).
  loaderBrotli: 3.5 * 1024,
  // 2.5 KB of this is for visitors: language negotiation, plural forms and the map of the language chunks,
  // contrast-safe brand colours, the phone layout (focus trap, scroll lock, Back), forced-colours styles.
  openWidgetBrotli: 47 * 1024,
  richTextBrotli: 26 * 1024,
  historyViewBrotli: 4 * 1024,
  localeBrotli: 2 * 1024,
};

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
  historyView: Sizes & { files: string[] };
  /** Each language's chunk with what it needs beyond the open widget, by source file. */
  locales: Record<string, Sizes & { files: string[] }>;
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
  // The chunks fetched on demand, each with what it needs beyond the open widget.
  const richText = new Set<string>();
  closure('src/markdown/render.ts', richText, open);
  const historyView = new Set<string>();
  closure('src/ui/history-panel.tsx', historyView, new Set([...open, ...richText]));
  const locales: SizeReport['locales'] = {};
  for (const key of Object.keys(manifest).filter((k) => k.startsWith('src/i18n/locales/'))) {
    const files = new Set<string>();
    closure(key, files, open);
    locales[key.slice('src/i18n/locales/'.length)] = total(dist, files);
  }
  return {
    locales,
    loader: sizes(readFileSync(join(dist, 'captivate-chat.js'))),
    openWidget: total(dist, open),
    richText: total(dist, richText),
    historyView: total(dist, historyView),
  };
}

const kb = (n: number): string => `${(n / 1024).toFixed(2)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    const row = (label: string, r: Sizes, budget: number): string =>
      `${label.padEnd(12)}${kb(r.raw).padEnd(12)}${kb(r.gzip).padEnd(12)}${kb(r.brotli).padEnd(12)}${kb(budget)}`;
    console.log('size        raw         gzip        brotli      budget (brotli)');
    console.log(row('loader', report.loader, BUDGETS.loaderBrotli));
    console.log(row('open widget', report.openWidget, BUDGETS.openWidgetBrotli));
    console.log(row('rich text', report.richText, BUDGETS.richTextBrotli));
    console.log(row('history', report.historyView, BUDGETS.historyViewBrotli));
    for (const [file, r] of Object.entries(report.locales)) console.log(row(file, r, BUDGETS.localeBrotli));
  }
  const over = [
    report.loader.brotli > BUDGETS.loaderBrotli &&
      `loader ${kb(report.loader.brotli)} > ${kb(BUDGETS.loaderBrotli)}`,
    report.openWidget.brotli > BUDGETS.openWidgetBrotli &&
      `open widget ${kb(report.openWidget.brotli)} > ${kb(BUDGETS.openWidgetBrotli)}`,
    report.richText.brotli > BUDGETS.richTextBrotli &&
      `rich text ${kb(report.richText.brotli)} > ${kb(BUDGETS.richTextBrotli)}`,
    report.historyView.brotli > BUDGETS.historyViewBrotli &&
      `history view ${kb(report.historyView.brotli)} > ${kb(BUDGETS.historyViewBrotli)}`,
    ...Object.entries(report.locales).map(
      ([file, r]) =>
        r.brotli > BUDGETS.localeBrotli && `locale ${file} ${kb(r.brotli)} > ${kb(BUDGETS.localeBrotli)}`,
    ),
  ].filter(Boolean);
  if (over.length) {
    console.error(`Size budget exceeded: ${over.join('; ')}`);
    process.exit(1);
  }
}
