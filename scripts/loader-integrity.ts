/**
 * A Vite plugin for the loader build: prints the Subresource Integrity hash of `captivate-chat.js`, for
 * sites that pin the loader with `<script integrity="…" crossorigin="anonymous">`, and writes it beside the
 * file (`captivate-chat.js.sri`) for deploy scripts.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

export const integrityOf = (code: string | Uint8Array): string =>
  `sha384-${createHash('sha384').update(code).digest('base64')}`;

export function loaderIntegrity(fileName: string): Plugin {
  return {
    name: 'captivate:loader-integrity',
    apply: 'build',
    writeBundle(options, bundle) {
      const output = bundle[fileName];
      if (output?.type !== 'chunk') throw new Error(`the loader build wrote no ${fileName}`);
      const hash = integrityOf(output.code);
      writeFileSync(path.join(options.dir ?? 'dist', `${fileName}.sri`), `${hash}\n`);
      console.log(`\n${fileName} integrity="${hash}" (Subresource Integrity; also in ${fileName}.sri)\n`);
    },
  };
}
