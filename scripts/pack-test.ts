/**
 * The package as a user gets it (`npm run test:pack`, after `npm run build`): `npm pack`, then a throwaway
 * project in a temp directory installs the tarball and
 *   1. checks what the tarball holds (the built files; nothing of src/, e2e/, server/ or tests, no .env);
 *   2. imports it in plain Node (no DOM: no side effects, and createChat explains it needs a browser);
 *   3. type-checks a consumer under moduleResolution `bundler` and `nodenext`, globals included;
 *   4. builds a consumer with Vite, and drives it in Chromium against the package's own `captivate-hub`
 *      bin, started with `npx` (so the bin is tested as shipped, without tsx).
 * The install takes the dependencies from npm's cache (`--prefer-offline`); CI has it from `npm ci`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { BUNDLED, CONSUMER_FILES, checkTarballFiles } from './pack-test/consumer';
import { checkElementPackage } from './pack-test/element';
import { serveStatic } from './pack-test/serve';

const ROOT = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
const work = mkdtempSync(path.join(tmpdir(), 'captivate-pack-'));
const app = path.join(work, 'consumer');
let passed = 0;

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, {
      cwd,
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

/** Starts `npx captivate-hub --port 0` in the consumer and resolves with its socket URL. */
function startHub(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn('npx', ['--no-install', 'captivate-hub', '--port', '0'], {
    cwd: app,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: npx runs the hub in a child, and both must stop
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      reject(new Error(`captivate-hub did not start:\n${output}`));
    }, 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (ws:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`captivate-hub exited with ${code}:\n${output}`)));
  });
}

async function driveInChromium(): Promise<void> {
  const hub = await startHub();
  const site = await serveStatic(path.join(app, 'dist'));
  const systemChromium = '/usr/bin/chromium';
  const browser = await chromium.launch({
    ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    await page.goto(`${site.origin}/?hub=${encodeURIComponent(hub.url)}`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await page.getByRole('button', { name: 'Open chat' }).click();
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('markdown');
    await composer.press('Enter');
    // The markdown answer needs the lazily loaded renderer chunk, which the consumer's bundler split out.
    await page.locator('[data-sender="bot"] strong').first().waitFor({ timeout: 15_000 });
    const seen = await page.evaluate(() => document.body.dataset.messages ?? '');
    if (!seen.includes('user:markdown')) throw new Error(`message events seen: ${seen}`);
    if (problems.length) throw new Error(problems.join('\n'));
  } finally {
    await browser.close();
    await site.close();
    if (hub.child.pid) process.kill(-hub.child.pid, 'SIGTERM');
  }
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
    () => checkElementPackage({ app, run, bin, startHub }),
  );
  rmSync(work, { recursive: true, force: true });
  console.log(`pack test: ${passed} passed, 0 failed`);
}

main().catch((error: unknown) => {
  console.error(`pack test failed (files kept in ${work}):\n`, error);
  console.log(`pack test: ${passed} passed, 1 failed`);
  process.exit(1);
});
