/**
 * Writes `dist/lib/index.d.ts` (and `element.d.ts`, which re-exports from it): the npm entry's types as one file with no relative imports, so they resolve
 * the same under `moduleResolution` `bundler`, `node16` and `nodenext` (per-file declarations with
 * extensionless imports fall apart under `nodenext`). dts-bundle-generator drives the TypeScript compiler
 * API, which the native TypeScript 7 package does not have, hence its 5.x pin in package.json `overrides`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { generateDtsBundle } from 'dts-bundle-generator';

const [types] = generateDtsBundle(
  [{ filePath: 'src/index.ts', output: { inlineDeclareGlobals: true, noBanner: true } }],
  { preferredConfigPath: 'tsconfig.lib.json' },
);
if (!types) throw new Error('dts-bundle-generator produced no declarations for src/index.ts');
mkdirSync('dist/lib', { recursive: true });
writeFileSync('dist/lib/index.d.ts', types);
// `captivate-chat-widget/element`: its one type, and through the import the globals (HTMLElementTagNameMap).
writeFileSync('dist/lib/element.d.ts', "export type { CaptivateChatElement } from './index.js';\n");
console.log(`dist/lib/index.d.ts  ${(types.length / 1024).toFixed(1)} kB`);
