/**
 * The script-tag loader. On the host page's critical path it only reads its configuration, draws the
 * launcher in a shadow root and installs `window.CaptivateChat`; the chat application (Preact, signals,
 * marked, DOMPurify, partysocket) is fetched on intent (hover, focus, click, an API call) or at once when
 * a conversation is stored or `open` is set.
 */
import { hashKey, makeKey } from '../storage/keys';
import { type LauncherOptions, type parseAppOptions, parseLauncherOptions } from './config';
import { COMMANDS, type CommandName } from './controller';
import { createEmitter } from './emitter';
import { createWidgetHost } from './host';
import type { MountArgs, MountedApp } from './mount';

export interface AppModule {
  mountApp(args: MountArgs): MountedApp;
  parseAppOptions: typeof parseAppOptions;
}

type QueuedCall = [string, unknown[]];
/** Each method returns a Promise of the command's answer (`getMetadata`'s metadata), or nothing once destroyed. */
type PublicApi = Record<CommandName, (...args: unknown[]) => Promise<unknown> | undefined> & {
  on: ReturnType<typeof createEmitter>['on'];
  version: string;
  hide(): void;
  show(): void;
  readonly isOpen: boolean;
  readonly conversationId: string | undefined;
};

const PREFIX = '[captivate-chat]';

/** Finds the loader's own tag, also when a tag manager inserted it (then `currentScript` may be null). */
export function findScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return doc.querySelector<HTMLScriptElement>('script[data-api-key][src*="captivate-chat"]');
}

/**
 * Whether a conversation is stored, so the app should load at once to restore it. Only the configured
 * backend is checked: when it is blocked the app falls back to another one, and restores on first intent.
 */
function hasStoredConversation(options: LauncherOptions, win: Window): boolean {
  const key = makeKey(hashKey(`${options.url}|${options.apiKey}`), 'conversation');
  try {
    return options.persist !== 'none' && !!win[`${options.persist}Storage`].getItem(key);
  } catch {
    return false; // Storage blocked (sandboxed or third-party iframe).
  }
}

export function boot(
  script: HTMLScriptElement | null,
  loadApp: () => Promise<AppModule>,
  win: Window = window,
): void {
  const doc = win.document;
  const previous = (win as unknown as { CaptivateChat?: { q?: QueuedCall[]; version?: string } })
    .CaptivateChat;
  // A second copy of the tag (a template and a tag manager both adding it) must not draw a second widget.
  if (previous?.version) {
    console.warn(`${PREFIX} loaded twice`);
    return;
  }
  const queue: QueuedCall[] = Array.isArray(previous?.q) ? previous.q : [];
  const emitter = createEmitter(win);
  const read = (key: string) => script?.getAttribute(`data-${key}`);
  const report = (key: string, message: string) => {
    console.error(`${PREFIX} data-${key} ${message}`);
    emitter.emit('error', { code: 'config', message: `data-${key} ${message}` });
  };
  const options = parseLauncherOptions(read, report);

  let mounted: MountedApp | undefined;
  function install(run: (command: string, args: unknown[]) => unknown, host?: HTMLElement): PublicApi {
    const api = {
      on: emitter.on,
      version: __VERSION__,
      // The loader's own: hiding neither loads the application nor is stored (the next page shows the widget).
      hide: () => {
        if (host) host.hidden = true;
      },
      show: () => {
        if (host) host.hidden = false;
      },
      // Closed, and no conversation, until the application has mounted: only it knows either.
      get isOpen() {
        return !!mounted?.isOpen;
      },
      get conversationId() {
        return mounted?.conversationId;
      },
    } as PublicApi;
    for (const command of COMMANDS)
      api[command] = (...args) => run(command, args) as Promise<unknown> | undefined;
    (win as unknown as { CaptivateChat: PublicApi }).CaptivateChat = api;
    return api;
  }

  if (!options) {
    // Every call repeats the configuration error, so a host calling the API learns why nothing happens.
    install(() => console.error(`${PREFIX} data-api-key is required (the channel API key)`));
    return;
  }

  const nonce = script?.nonce || undefined;
  const widget = createWidgetHost(doc, options, nonce);
  const { root, launcher } = widget;

  let app: Promise<MountedApp> | undefined;
  let destroyed = false;
  function ensureApp(): Promise<MountedApp> {
    if (app) return app;
    launcher.setNotice();
    app = loadApp().then(
      (mod) =>
        (mounted = mod.mountApp({
          root,
          // The keys the launcher did not need are read (and reported) only now, with the application.
          options: mod.parseAppOptions(read, report, options!),
          emit: emitter.emit,
          mode: 'launcher',
          launcher,
          nonce,
        })),
    );
    app.catch((error) => {
      // From another origin without Access-Control-Allow-Origin (the usual cause), the browser's own
      // console message names the header.
      console.error(`${PREFIX} the chat application failed to load`, error);
      launcher.setNotice(options!.strings.loadFailed || 'Chat unavailable');
      emitter.emit('error', { code: 'load', message: String(error) });
      app = undefined;
    });
    return app;
  }
  const preload = () => void loadApp().catch(() => {});

  function call(command: string, args: unknown[]): Promise<unknown> | undefined {
    if (destroyed) return;
    return ensureApp().then((running) => {
      const result = running.run(command, args);
      if (!result) console.error(`${PREFIX} ${command}: invalid arguments`, args);
      if (command === 'destroy') {
        destroyed = true;
        mounted = undefined;
        widget.remove();
        emitter.clear();
      }
      return result;
    });
  }

  launcher.button.addEventListener('click', () => call('toggle', []));
  launcher.button.addEventListener('pointerenter', preload, { once: true });
  launcher.button.addEventListener('focus', preload, { once: true });

  const api = install(call, widget.host) as unknown as Record<string, unknown>;

  // The queue is the host page's own snippet: each call is replayed on the method it named, if there is one.
  for (const [command, args] of queue) {
    const method = api[command];
    if (typeof method === 'function') method(...(Array.isArray(args) ? args : []));
  }
  if (options.open) call('open', []);
  else if (hasStoredConversation(options, win)) void ensureApp();
  emitter.emit('ready', {});
}
