/**
 * The package as a user gets it (`npm run test:pack`, after `npm run build`): `npm pack`, then a throwaway
 * project in a temp directory installs the tarball and
 *   1. checks what the tarball holds (the built files; nothing of src/, e2e/, server/ or tests, no .env);
 *   2. imports it in plain Node (no DOM: no side effects, and createChat explains it needs a browser);
 *   3. type-checks a consumer under moduleResolution `bundler` and `nodenext`, globals included;
 *   4. builds a consumer with Vite, and drives it in Chromium against the package's own `captivate-hub`
 *      bin, started with `npx` (so the bin is tested as shipped, without tsx);
 *   5. type-checks, builds and drives examples/react, and serves and drives examples/plain-html.
 * The install takes the dependencies from npm's cache (`--prefer-offline`); CI has it from `npm ci`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { driveBuiltSite } from './pack-test/built-site';
import { BUNDLED, CONSUMER_FILES, checkTarballFiles } from './pack-test/consumer';
import { checkElementPackage } from './pack-test/element';
import { exampleSteps } from './pack-test/examples';
import { chatWithMarkdown } from './pack-test/markdown-chat';

const ROOT = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
const work = mkdtempSync(path.join(tmpdir(), 'captivate-pack-'));
const app = path.join(work, 'consumer');
let passed = 0;

function run(command: string, args: string[], cwd: string, env?: Record<string, string>): string {
  try {
    return execFileSync(command, args, {
      cwd,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 180_000,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

async function step(name: string, body: () => void | Promise<void>): Promise<void> {
  const started = Date.now();
  await body();
  passed += 1;
  console.log(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function driveInChromium(): Promise<void> {
  return driveBuiltSite(app, path.join(app, 'dist'), async (page, problems) => {
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await page.getByRole('button', { name: 'Open chat' }).click();
    await chatWithMarkdown(page, page.getByRole('textbox', { name: 'Message' }), problems);
  });
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist/lib/index.d.ts'))) throw new Error('run `npm run build` first');
  console.log(`pack test in ${work}`);
  let tarball = '';
  await step('npm pack holds the built files and nothing else', () => {
    const [packed] = JSON.parse(
      run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT),
    );
    tarball = path.join(work, packed.filename);
    checkTarballFiles(packed.files.map((f: { path: string }) => f.path));
  });
  await step('the tarball installs into an empty project', () => {
    mkdirSync(app);
    for (const [name, text] of Object.entries(CONSUMER_FILES))
      writeFileSync(path.join(app, name), text.replace('TARBALL', tarball));
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);
    const notices = readFileSync(
      path.join(app, 'node_modules/captivate-chat-widget/dist/THIRD-PARTY-NOTICES.txt'),
      'utf8',
    );
    const unlisted = BUNDLED.filter((name) => !notices.includes(`\n${name} `));
    if (unlisted.length) throw new Error(`THIRD-PARTY-NOTICES.txt lacks ${unlisted.join(', ')}`);
  });
  await step('plain Node imports it without side effects', () => {
    const out = run(process.execPath, ['node-import.mjs'], app);
    if (!out.includes('node import ok')) throw new Error(out);
  });
  await step('a consumer type-checks under moduleResolution bundler', () => {
    run(bin('tsc'), ['-p', 'tsconfig.bundler.json'], app);
  });
  await step('a consumer type-checks under moduleResolution nodenext', () => {
    run(bin('tsc'), ['-p', 'tsconfig.nodenext.json'], app);
  });
  await step('Vite builds a consumer', () => {
    run(bin('vite'), ['build', '--logLevel', 'warn'], app);
    const html = readFileSync(path.join(app, 'dist/index.html'), 'utf8');
    if (!html.includes('<script type="module"')) throw new Error('no module script in the built page');
  });
  await step('the built consumer chats in Chromium with the packaged hub emulator', driveInChromium);
  await step(
    'the element entry: Node import, types, a Vite build, an inline element chatting in Chromium',
    () => checkElementPackage({ app, run, bin }),
  );
  await exampleSteps({ root: ROOT, work, app, tarball, step, run });
  rmSync(work, { recursive: true, force: true });
  console.log(`pack test: ${passed} passed, 0 failed`);
}

main().catch((error: unknown) => {
  console.error(`pack test failed (files kept in ${work}):\n`, error);
  console.log(`pack test: ${passed} passed, 1 failed`);
  process.exit(1);
});
