/**
 * The pack test's throwaway consumer project (written into a temp directory; `TARBALL` becomes the packed
 * file's path) and the rules for what the tarball may hold.
 */

/** Files a published package must have. */
const REQUIRED = [
  'LICENSE',
  'README.md',
  'package.json',
  'dist/lib/index.js',
  'dist/lib/index.d.ts',
  'dist/lib/element.js',
  'dist/lib/element.d.ts',
  'dist/captivate-chat.js',
  'dist/embed.html',
  'dist/THIRD-PARTY-NOTICES.txt',
  'dist/hub/captivate-hub.js',
];

/** Sources, tests, test data, build leftovers and local settings never ship. */
const FORBIDDEN = [
  /^(src|e2e|server|scripts|fixtures|demo|examples|node_modules)\//,
  /\.(test|spec)\.[cm]?[jt]sx?$/,
  /(^|\/)\.env/,
  /^dist\/\.vite\//,
  /^tsconfig/,
  /^vite.*\.config\./,
];

export function checkTarballFiles(files: string[]): void {
  const missing = REQUIRED.filter((f) => !files.includes(f));
  if (missing.length) throw new Error(`the tarball lacks ${missing.join(', ')}`);
  if (!files.some((f) => /^dist\/assets\/app-[\w-]+\.js$/.test(f)))
    throw new Error('the tarball lacks the application chunk dist/assets/app-*.js');
  const leaked = files.filter((f) => FORBIDDEN.some((re) => re.test(f)));
  if (leaked.length) throw new Error(`the tarball holds files it must not: ${leaked.join(', ')}`);
}

/** Libraries bundled into dist/ whose licences dist/THIRD-PARTY-NOTICES.txt must carry. */
export const BUNDLED = ['preact', '@preact/signals', 'marked', 'dompurify', 'partysocket', 'ws'];

const nodeImport = `
const before = new Set(Reflect.ownKeys(globalThis));
const mod = await import('captivate-chat-widget');
const added = Reflect.ownKeys(globalThis).filter((k) => !before.has(k));
if (added.length) throw new Error('importing added globals: ' + added.map(String).join(', '));
if (typeof mod.createChat !== 'function') throw new Error('no createChat export');
// Module loading may leave a file handle closing (CloseReq); timers, sockets or processes would be the import's.
const pending = process.getActiveResourcesInfo().filter((r) => /Timeout|Immediate|TCP|UDP|Pipe|Process/.test(r));
if (pending.length) throw new Error('importing left work scheduled: ' + pending.join(', '));
let message = '';
try { mod.createChat({ apiKey: 'k' }); } catch (error) { message = String(error.message); }
if (!/needs a browser/.test(message)) throw new Error('createChat without a DOM: ' + (message || 'no error'));
const pkg = (await import('captivate-chat-widget/package.json', { with: { type: 'json' } })).default;
for (const sub of ['captivate-chat.js', 'embed.html', 'THIRD-PARTY-NOTICES.txt']) import.meta.resolve('captivate-chat-widget/' + sub);
console.log('node import ok', pkg.version);
`;

const browserMain = `
import { createChat } from 'captivate-chat-widget';

const hub = new URLSearchParams(location.search).get('hub') ?? '';
const chat = createChat({ apiKey: 'pack-test', url: hub, persist: 'none', title: 'Packed' });
const seen: string[] = [];
chat.on('message', (m) => {
  seen.push(m.sender + ':' + m.text);
  document.body.dataset.messages = seen.join('\\n');
});
chat.on('ready', () => {
  document.body.dataset.ready = 'true';
});
`;

const typesConsumer = `
import { type ChatInstance, type CreateChatOptions, createChat } from 'captivate-chat-widget';

const options: CreateChatOptions = { apiKey: 'k', title: 'Help', maxFileSize: 1024, persist: 'session' };
const chat: ChatInstance = createChat(options);
chat.open();
chat.send('hi');
const off: () => void = chat.on('message', (m) => m.text.toUpperCase());
off();
const version: string = chat.version;
const metadata: Promise<Record<string, unknown>> = chat.getMetadata();
// @ts-expect-error an event the widget does not have
chat.on('nope', () => {});
// @ts-expect-error apiKey is required
createChat({ title: 'x' });
// @ts-expect-error persist is a closed set
createChat({ apiKey: 'k', persist: 'cookie' });
createChat({ apiKey: 'k', launcher: 'none' }).hide();
// @ts-expect-error launcher is a closed set
createChat({ apiKey: 'k', launcher: 'hidden' });
const open: boolean = chat.isOpen;
const conversation: string | undefined = chat.conversationId;
void open;
void conversation;
window.addEventListener('captivate:message', (e) => e.detail.text.toUpperCase());
// @ts-expect-error event details are typed, not any
window.addEventListener('captivate:unread', (e) => e.detail.nope);
void version;
void metadata;
`;

/** A script-tag site that wants only the global types. */
const globalsConsumer = `
import type {} from 'captivate-chat-widget';

window.CaptivateChat?.open();
globalThis.CaptivateChat?.on('error', (e) => e.message.length);
const answer: Promise<Record<string, unknown>> | undefined = window.CaptivateChat?.getMetadata();
// @ts-expect-error the API is typed, not any
window.CaptivateChat?.opne();
window.CaptivateChat?.hide();
window.CaptivateChat?.show();
const isOpen: boolean | undefined = window.CaptivateChat?.isOpen;
const id: string | undefined = window.CaptivateChat?.conversationId;
// @ts-expect-error isOpen is read-only
if (window.CaptivateChat) window.CaptivateChat.isOpen = true;
void answer;
void isOpen;
void id;
`;

const tsconfig = (module: string, moduleResolution: string) =>
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module,
      moduleResolution,
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
    },
    files: ['types.ts', 'globals.ts'],
  });

export const CONSUMER_FILES: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'captivate-pack-consumer',
    private: true,
    type: 'module',
    dependencies: { 'captivate-chat-widget': 'file:TARBALL' },
  }),
  'node-import.mjs': nodeImport,
  'index.html':
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Consumer</title><link rel="icon" href="data:,"></head>' +
    '<body><script type="module" src="./main.ts"></script></body></html>',
  'main.ts': browserMain,
  'types.ts': typesConsumer,
  'globals.ts': globalsConsumer,
  'tsconfig.bundler.json': tsconfig('ESNext', 'Bundler'),
  'tsconfig.nodenext.json': tsconfig('NodeNext', 'NodeNext'),
};
