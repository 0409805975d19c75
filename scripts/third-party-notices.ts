/**
 * A Vite plugin that writes `dist/THIRD-PARTY-NOTICES.txt`: the name, version, licence and licence text of
 * every npm package whose code ends up in a built file. The list comes from the modules each build actually
 * bundled, not from package.json, so a dependency that is tree-shaken away or kept external is not listed
 * and a new transitive one cannot be forgotten. The builds run one after another (app, loader, npm entry,
 * hub), so each adds its packages to a list kept in `dist/.vite/` and the notices are rewritten from it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const DIST = path.resolve(import.meta.dirname, '../dist');
const LIST = path.join(DIST, '.vite/third-party-packages.json');
export const NOTICES_FILE = path.join(DIST, 'THIRD-PARTY-NOTICES.txt');

/** The package directory of a bundled module id, or undefined for the project's own modules. */
export function packageDir(moduleId: string): string | undefined {
  const file = moduleId.replace(/^\0/, '').split('?')[0] ?? '';
  const at = file.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const rest = file.slice(at + '/node_modules/'.length).split('/');
  const depth = rest[0]?.startsWith('@') ? 2 : 1;
  return path.join(file.slice(0, at), 'node_modules', ...rest.slice(0, depth));
}

interface PackageNotice {
  name: string;
  version: string;
  license: string;
  texts: string[];
}

function readNotice(dir: string): PackageNotice {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const files = readdirSync(dir)
    .filter((f) => /^(licen[cs]e|copying|notice)/i.test(f))
    .sort();
  if (files.length === 0) throw new Error(`${dir} ships no licence file: cannot write its notice`);
  return {
    name: String(pkg.name),
    version: String(pkg.version),
    license: String(pkg.license ?? 'see the text below'),
    texts: files.map((f) => readFileSync(path.join(dir, f), 'utf8').trim()),
  };
}

export function renderNotices(notices: PackageNotice[]): string {
  const head =
    'The files in dist/ bundle the following third-party packages. Their licences and notices follow.';
  const bodies = notices.map((n) =>
    [`${'='.repeat(78)}\n${n.name} ${n.version}, licence: ${n.license}\n${'='.repeat(78)}`, ...n.texts].join(
      '\n\n',
    ),
  );
  return `${[head, ...bodies].join('\n\n')}\n`;
}

export function thirdPartyNotices(): Plugin {
  return {
    name: 'captivate:third-party-notices',
    apply: 'build',
    writeBundle(_options, bundle) {
      const dirs = new Set<string>(existsSync(LIST) ? JSON.parse(readFileSync(LIST, 'utf8')) : []);
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of output.moduleIds) {
          const dir = packageDir(id);
          if (dir) dirs.add(path.relative(DIST, dir));
        }
      }
      const sorted = [...dirs].sort();
      mkdirSync(path.dirname(LIST), { recursive: true });
      writeFileSync(LIST, JSON.stringify(sorted));
      const notices = sorted.map((d) => readNotice(path.resolve(DIST, d)));
      notices.sort((a, b) => a.name.localeCompare(b.name));
      writeFileSync(NOTICES_FILE, renderNotices(notices));
    },
  };
}
