/**
 * The npm entry: `createChat()` mounts the widget from code, for sites that bundle it rather than add the
 * script tag. Importing this module has no side effects (safe in SSR: nothing touches `window` until
 * `createChat` is called; `src/index.test.ts` proves it).
 */
import { type LauncherStyle, resolveChatOptions } from './embed/config';
import type { CommandName, WidgetController } from './embed/controller';
import { createEmitter } from './embed/emitter';
import { createWidgetHost } from './embed/host';
import { mountApp } from './embed/mount';
import type { HostEventName, HostEvents } from './store/events';
import type { ChatOptions } from './store/options';
import type { Uploader } from './upload';

export type { LauncherStyle } from './embed/config';
export type { WidgetController } from './embed/controller';
export type { MessagePart, OutgoingFile, SenderKind, UserIdentity } from './protocol';
export type { HostEventName, HostEvents } from './store/events';
export type { ChatOptions, PersistMode, SendMode, StartMode, Theme } from './store/options';
export type { ConnectionState } from './transport/connection';
export type { UploadContext, Uploader } from './upload';

export interface CreateChatOptions extends Partial<Omit<ChatOptions, 'apiKey'>> {
  /** The channel's API key (required). */
  apiKey: string;
  /** `none`: no launcher bubble; the site opens the chat with `open()` from its own button. */
  launcher?: LauncherStyle;
  /** Stores files elsewhere: called for each attached file instead of uploading to `uploadUrl`. */
  uploader?: Uploader;
}

/** Beside the commands, on `window.CaptivateChat` and on what `createChat()` returns. */
export interface WidgetLifecycle {
  /** Hides the whole widget (launcher and panel) without destroying it; for this page view only. */
  hide(): void;
  /** Shows what `hide()` hid, as it was. */
  show(): void;
  /** Whether the panel is open. */
  readonly isOpen: boolean;
  /** The current conversation's id; undefined before one starts (and, on the script tag, until the chat application has loaded). */
  readonly conversationId: string | undefined;
}

export interface ChatInstance extends WidgetController, WidgetLifecycle {
  on<K extends HostEventName>(name: K, cb: (detail: HostEvents[K]) => void): () => void;
  /** The widget's version. */
  readonly version: string;
}

/**
 * `window.CaptivateChat`, installed by the script-tag loader: the same methods as `ChatInstance`, each
 * returning a Promise (of `getMetadata`'s metadata, else of nothing), or undefined once destroyed.
 */
export type CaptivateChatApi = {
  [K in CommandName]: (
    ...args: Parameters<WidgetController[K]>
  ) => Promise<Awaited<ReturnType<WidgetController[K]>>> | undefined;
} & Pick<ChatInstance, 'on' | 'version'> &
  WidgetLifecycle;

/**
 * `<captivate-chat>` (defined by `import 'captivate-chat-widget/element'` or by the script-tag loader): the
 * widget's API on the element, as on `window.CaptivateChat`. The script-tag widget's own host element is a
 * `<captivate-chat>` too, without the API (use `window.CaptivateChat` there).
 */
export interface CaptivateChatElement extends HTMLElement, CaptivateChatApi {}

/** Every host event as the DOM event dispatched on `window`: `captivate:message`, `captivate:error`, … */
export type CaptivateEventMap = {
  [K in HostEventName as `captivate:${K}`]: CustomEvent<HostEvents[K]>;
};

declare global {
  /** Installed by the script-tag loader (or the queueing snippet before it). */
  var CaptivateChat: CaptivateChatApi | undefined;
  interface WindowEventMap extends CaptivateEventMap {}
  interface HTMLElementTagNameMap {
    'captivate-chat': CaptivateChatElement;
  }
}

const PREFIX = '[captivate-chat]';

/**
 * Mounts the widget (launcher and panel) on the page. Options are checked by the same parsers as the data
 * attributes: an invalid one is reported (console and `error` event, after this returns, so `on('error')`
 * hears it) and replaced by its default. Throws without `apiKey`, and outside a browser.
 */
export function createChat(config: CreateChatOptions): ChatInstance {
  if (typeof window === 'undefined' || typeof document === 'undefined')
    throw new Error(
      'createChat() needs a browser: call it on the client (e.g. in useEffect or onMount), not during server-side rendering',
    );
  const { uploader, ...rest } = config ?? {};
  const errors: string[] = [];
  const options = resolveChatOptions(rest, (option, message) => {
    console.error(`${PREFIX} createChat: option ${option} ${message}`);
    errors.push(`option ${option} ${message}`);
  });
  if (!options) throw new TypeError(`createChat: ${errors.join('; ')}`);

  const emitter = createEmitter(window);
  const widget = createWidgetHost(options);
  const { root, launcher } = widget;
  const controller = mountApp({
    root,
    options,
    emit: emitter.emit,
    mode: 'launcher',
    launcher,
    ...(typeof uploader === 'function' ? { uploader } : {}),
  });
  launcher.button.addEventListener('click', () => controller.toggle());
  queueMicrotask(() => {
    for (const message of errors) emitter.emit('error', { code: 'config', message });
    emitter.emit('ready', { sendMode: options.sendMode });
  });
  return {
    ...controller,
    on: emitter.on,
    version: __VERSION__,
    hide: () => {
      widget.host.hidden = true;
    },
    show: () => {
      widget.host.hidden = false;
    },
    // Checked like the script tag's calls: the value comes from the site's code, typed or not.
    setTheme(theme) {
      if (!controller.run('setTheme', [theme])) console.error(`${PREFIX} setTheme: invalid arguments`, theme);
    },
    // Read at each access: spreading `controller` above copied their values at mount.
    get isOpen() {
      return controller.isOpen;
    },
    get conversationId() {
      return controller.conversationId;
    },
    destroy() {
      controller.destroy();
      widget.remove();
    },
  };
}
