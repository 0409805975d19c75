/**
 * One widget: its configuration read, its launcher drawn (or its inline box), its API installed, and the
 * chat application (Preact, signals, marked, DOMPurify, partysocket) fetched on intent (hover, focus, click,
 * an API call) or at once when a conversation is stored, `open` is set or the widget is inline. The script
 * tag (loader.ts) and every `<captivate-chat>` element (element.ts) start theirs here.
 */
import { isKeyNamed } from '../storage/keys';
import { type LauncherOptions, type parseAppOptions, parseLauncherOptions, type RawConfig } from './config';
import { COMMANDS, type CommandName } from './controller';
import { createEmitter } from './emitter';
import { createWidgetHost } from './host';
import type { MountArgs, MountedApp } from './mount';

export interface AppModule {
  mountApp(args: MountArgs): MountedApp;
  parseAppOptions: typeof parseAppOptions;
}

/** What every widget of the page shares: the application's loader and the loader script's nonce. */
export interface WidgetEnv {
  loadApp: () => Promise<AppModule>;
  nonce?: string | undefined;
}

/** A call the host page's snippet queued before the loader ran: the method's name and its arguments. */
export type QueuedCall = [string, unknown[]];
/** Each method returns a Promise of the command's answer (`getMetadata`'s metadata), or nothing once destroyed. */
type PublicApi = Record<CommandName, (...args: unknown[]) => Promise<unknown> | undefined> & {
  on: ReturnType<typeof createEmitter>['on'];
  version: string;
  hide(): void;
  show(): void;
  readonly isOpen: boolean;
  readonly conversationId: string | undefined;
};

/**
 * Tells a started widget that one of its element's attributes changed (name and new value), or, with no
 * name, that its element left the page for good.
 */
export type WidgetUpdate = (name?: string, value?: string | null) => void;

export const PREFIX = '[captivate-chat]';

/**
 * Whether a conversation is stored, so the app should load at once to restore it. Any API key's counts (its
 * namespace is a hash the loader does not carry): a second widget of the site only loads earlier, never
 * wrongly. Only the configured backend is checked: when it is blocked the app falls back to another one,
 * and restores on first intent.
 */
function hasStoredConversation({ persist }: LauncherOptions): boolean {
  try {
    return (
      persist !== 'none' &&
      Object.keys(window[`${persist}Storage`]).some((key) => isKeyNamed(key, 'conversation'))
    );
  } catch {
    return false; // Storage blocked (sandboxed or third-party iframe).
  }
}

/**
 * Starts one widget configured by `read` and installs its API on `target`: the script tag's (keys are
 * `data-*` attributes, the host element is created) or a `<captivate-chat>` element's (keys are its own
 * attributes, the element is the host). Without an API key the API only reports that it is missing.
 */
export function startWidget(
  { loadApp, nonce }: WidgetEnv,
  read: RawConfig,
  target: object,
  element?: HTMLElement,
  queue: QueuedCall[] = [],
): WidgetUpdate | undefined {
  const prefix = element ? '' : 'data-';
  const emitter = createEmitter(element ?? window);
  const fail = (code: string, message: string) => {
    console.error(`${PREFIX} ${message}`);
    emitter.emit('error', { code, message });
  };
  const report = (key: string, message: string) => fail('config', `${prefix}${key} ${message}`);
  // A script tag without a key is a page of elements (or one configured later): nothing to report yet.
  const options = element || read('api-key') ? parseLauncherOptions(read, report) : undefined;
  // Inline, the panel is always open in the element's box (the launcher's styles hide the launcher).
  const inline = element?.hasAttribute('inline');

  let mounted: MountedApp | undefined;
  let app: Promise<MountedApp> | undefined;
  let destroyed = false;
  const widget = options && createWidgetHost(options, nonce, element);
  function ensureApp(): Promise<MountedApp> {
    if (app) return app;
    const { root, launcher } = widget!;
    launcher.setNotice();
    app = loadApp().then(
      (mod) =>
        (mounted = mod.mountApp({
          root,
          // The keys the launcher did not need are read (and reported) only now, with the application.
          options: mod.parseAppOptions(read, report, options!),
          report,
          emit: emitter.emit,
          mode: inline ? 'inline' : 'launcher',
          launcher,
          nonce,
        })),
    );
    app.catch((error) => {
      // From another origin without Access-Control-Allow-Origin (the usual cause), the browser's own
      // console message names the header.
      fail('load', `the chat application failed to load: ${error}`);
      launcher.setNotice(options!.strings.loadFailed || 'Chat unavailable');
      app = undefined;
    });
    return app;
  }

  function call(command: string, args: unknown[]): Promise<unknown> | undefined {
    // Parsing again repeats the configuration error, so a host calling the API learns why nothing happens.
    if (!widget) return void parseLauncherOptions(read, report);
    if (destroyed) return;
    return ensureApp().then((running) => {
      const result = running.run(command, args);
      if (!result) console.error(`${PREFIX} ${command}: invalid arguments`, args);
      if (command === 'destroy') {
        destroyed = true;
        mounted = undefined;
        widget.remove();
      }
      return result;
    });
  }

  const hidden = (value: boolean) => () => {
    if (widget) widget.host.hidden = value;
  };
  const api = Object.assign(target, {
    on: emitter.on,
    version: __VERSION__,
    // The loader's own: hiding neither loads the application nor is stored (the next page shows the widget).
    hide: hidden(true),
    show: hidden(false),
  }) as PublicApi;
  // Closed, and no conversation, until the application has mounted: only it knows either.
  Object.defineProperties(api, {
    isOpen: { get: () => !!mounted?.isOpen },
    conversationId: { get: () => mounted?.conversationId },
  });
  for (const command of COMMANDS) api[command] = (...args) => call(command, args);
  // The queue is the host page's own snippet: each call is replayed on the method it named, if there is one.
  for (const [command, args] of queue) {
    const method = (api as unknown as Record<string, unknown>)[command];
    if (typeof method === 'function') method(...(Array.isArray(args) ? args : []));
  }
  if (!widget) return;

  const { button } = widget.launcher;
  // loadApp() handles its own failure (the next call tries again): a preload needs no handler of its own.
  const preload = () => void loadApp();
  button.addEventListener('click', () => call('toggle', []));
  button.addEventListener('pointerenter', preload, { once: true });
  button.addEventListener('focus', preload, { once: true });
  if (options.open || inline) call('open', []);
  else if (hasStoredConversation(options)) void ensureApp();
  emitter.emit('ready', {});
  // The application applies attributes, `open` too; a removed element's widget leaves as with the page:
  // what it queued stays stored, to be sent by the next widget.
  return (name, value) => {
    if (name) call('attribute', [name, value]);
    else if (!destroyed) {
      destroyed = true;
      widget.remove();
      app?.then(
        (running) => running.unmount(),
        () => {},
      );
    }
  };
}
