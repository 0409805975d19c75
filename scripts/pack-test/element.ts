/**
 * The pack test's check of `captivate-chat-widget/element`, in the installed consumer project: plain Node
 * imports it without side effects, a consumer of its types type-checks under `bundler` and `nodenext`, Vite
 * builds a page that imports it, and in Chromium an inline `<captivate-chat>` of that page chats with the
 * packaged hub emulator.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { driveBuiltSite } from './built-site';
import { chatWithMarkdown } from './markdown-chat';

export interface ElementCheckEnv {
  /** The consumer project, with the tarball installed. */
  app: string;
  run(command: string, args: string[], cwd: string): string;
  bin(name: string): string;
}

const nodeImport = `
const before = new Set(Reflect.ownKeys(globalThis));
const mod = await import('captivate-chat-widget/element');
const added = Reflect.ownKeys(globalThis).filter((k) => !before.has(k));
if (added.length) throw new Error('importing the element added globals: ' + added.map(String).join(', '));
if (Object.keys(mod).length) throw new Error('the element entry has runtime exports: ' + Object.keys(mod).join(', '));
console.log('element import ok');
`;

const typesConsumer = `
import type { CaptivateChatElement } from 'captivate-chat-widget/element';

const found: CaptivateChatElement | null = document.querySelector('captivate-chat');
const created = document.createElement('captivate-chat');
created.setAttribute('api-key', 'k');
const sent: Promise<unknown> | undefined = created.send('hi');
const open: boolean = created.isOpen;
const off: () => void = created.on('message', (m) => m.text.toUpperCase());
created.hide();
// @ts-expect-error the element's API is typed, not any
created.opne();
void found;
void sent;
void open;
void off;
`;

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Element consumer</title><link rel="icon" href="data:,"></head>
<body><h1>Element consumer</h1><script type="module" src="./main.ts"></script></body></html>`;

const browserMain = `
import 'captivate-chat-widget/element';

const hub = new URLSearchParams(location.search).get('hub') ?? '';
const chat = document.createElement('captivate-chat');
for (const [key, value] of Object.entries({ 'api-key': 'pack-test', url: hub, persist: 'none', title: 'Packed element', inline: '' }))
  chat.setAttribute(key, value);
chat.style.height = '500px';
document.body.append(chat);
const seen: string[] = [];
chat.on('message', (m) => {
  seen.push(m.sender + ':' + m.text);
  document.body.dataset.messages = seen.join('\\n');
});
`;

export async function checkElementPackage({ app, run, bin }: ElementCheckEnv): Promise<void> {
  writeFileSync(path.join(app, 'element-node.mjs'), nodeImport);
  const out = run(process.execPath, ['element-node.mjs'], app);
  if (!out.includes('element import ok')) throw new Error(out);

  writeFileSync(path.join(app, 'element-types.ts'), typesConsumer);
  for (const resolution of ['bundler', 'nodenext']) {
    const base = JSON.parse(readFileSync(path.join(app, `tsconfig.${resolution}.json`), 'utf8'));
    const config = `tsconfig.element-${resolution}.json`;
    writeFileSync(path.join(app, config), JSON.stringify({ ...base, files: ['element-types.ts'] }));
    run(bin('tsc'), ['-p', config], app);
  }

  const root = path.join(app, 'element');
  mkdirSync(root);
  writeFileSync(path.join(root, 'index.html'), page);
  writeFileSync(path.join(root, 'main.ts'), browserMain);
  run(bin('vite'), ['build', root, '--logLevel', 'warn'], app);

  // Inline: open at once, without a launcher.
  await driveBuiltSite(app, path.join(root, 'dist'), (page, problems) => {
    const panel = page.getByRole('dialog', { name: 'Packed element' });
    return chatWithMarkdown(page, panel.getByRole('textbox', { name: 'Message' }), problems);
  });
}
