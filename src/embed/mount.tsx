/**
 * The composition root of the chat application: builds storage, uploader, i18n and the store from the
 * parsed options, renders the UI into the shadow root (or the iframe page) and returns the controller the
 * JS API and the iframe bridge drive.
 */
import { effect } from '@preact/signals';
import { render } from 'preact';
import { useMemo } from 'preact/hooks';
import { createSafeStorage, hashKey } from '../storage';
import { createChatStore } from '../store/chat-store';
import type { Emit } from '../store/events';
import type { ChatOptions } from '../store/options';
import { App, panelCss } from '../ui';
import { adoptStyles } from '../ui/adopt-styles';
import { brandColors, parseColor } from '../ui/brand-colors';
import type { UiMode } from '../ui/context';
import type { Uploader } from '../upload';
import type { ReportError } from './config-fields';
import { runCommand, type WidgetController } from './controller';
import { createSession } from './create-session';
import { createElementAttributes } from './element-attributes';
import type { LauncherButton } from './launcher';
import { driveLauncher } from './launcher-state';
import { lazyFileLinks, lazyVendorUploader } from './lazy-files';
import { createWidgetLocale } from './widget-locale';

export interface MountArgs {
  /** The shadow root (script-tag embed) or a shadow root on the iframe page's body. */
  root: ShadowRoot;
  options: ChatOptions;
  emit: Emit;
  mode: UiMode;
  /** The launcher the loader drew (script tag and createChat); none on the iframe page. */
  launcher?: LauncherButton;
  uploader?: Uploader;
  nonce?: string;
  /** Reports a refused value of a `<captivate-chat>` element's attribute (the loader's, as at start). */
  report?: ReportError;
}

/** The mounted widget: its controller, and `run` for untrusted calls (JS API, postMessage), validated here. */
export interface MountedApp extends WidgetController {
  run(command: string, args: readonly unknown[]): boolean | Promise<unknown>;
  /** Whether the panel is open, now. */
  readonly isOpen: boolean;
  /** The current conversation's id, now; undefined before the first one starts. */
  readonly conversationId: string | undefined;
  /** Takes the widget off its element without dropping what waits to be sent (the element left the page). */
  unmount(): void;
}

export function mountApp({
  root,
  options,
  emit,
  mode,
  launcher: drawn,
  uploader,
  nonce,
  report = () => {},
}: MountArgs): MountedApp {
  const host = root.host as HTMLElement;
  const launcher = drawn && driveLauncher(drawn);
  const win = host.ownerDocument.defaultView ?? window;
  // The panel renders once its language's table is here (a small chunk, fetched only by its visitors).
  const locale = createWidgetLocale(host, options.strings, launcher);
  const { i18n, t } = locale;

  const storage = createSafeStorage(options.persist, {
    namespace: hashKey(`${options.url}|${options.apiKey}`),
  });
  const store = createChatStore({
    options,
    storage,
    session: createSession(options, storage),
    uploader: uploader ?? lazyVendorUploader({ url: options.uploadUrl, apiKey: options.apiKey }),
    ...(uploader
      ? {}
      : { fileLinks: lazyFileLinks({ uploadUrl: options.uploadUrl, apiKey: options.apiKey }) }),
    t,
    emit,
  });

  adoptStyles(root, panelCss, nonce);
  // Text on the brand colour and the brand colour as text, both at WCAG AA contrast whatever it is. Read
  // from the cascade: a host stylesheet may set --cc-primary as well as the primary-color key.
  const primary = parseColor(
    win.getComputedStyle(host).getPropertyValue('--cc-primary').trim(),
    host.ownerDocument,
  );
  if (primary)
    for (const [name, value] of Object.entries(brandColors(primary))) host.style.setProperty(name, value);
  const container = root.ownerDocument.createElement('div');
  container.className = 'cc-app';
  root.appendChild(container);

  const stopEffects = launcher
    ? effect(() => {
        const count = store.state.unread.value;
        launcher.setOpen(store.state.open.value);
        // Reads the signal, so a language switch re-words the count.
        launcher.setUnread(count, (i18n.value ?? locale).t('unreadCount', { count }));
      })
    : () => {};

  const attributes = createElementAttributes(host, options, locale, report, (open) =>
    open ? controller.open() : controller.close(),
  );
  const onClosed = () => launcher?.focus();
  function Localized() {
    const current = i18n.value;
    // A new options object when the element's title changes, so the panel re-reads it.
    const title = attributes.title.value;
    const shown = useMemo(() => ({ ...options, title }), [title]);
    if (!current) return null;
    return (
      <App
        store={store}
        t={current.t}
        dir={current.dir}
        lang={current.tag}
        locale={current.locale}
        options={shown}
        mode={mode}
        onClosed={onClosed}
      />
    );
  }
  // The socket's handshake (or the first HTTP request) runs while the panel renders, not after it.
  store.connect();
  render(<Localized />, container);
  void locale.set(options.locale);

  const controller: WidgetController = {
    open: () => store.setOpen(true),
    close: () => {
      store.setOpen(false);
      launcher?.focus();
    },
    toggle: () => (store.state.open.value ? controller.close() : controller.open()),
    send: (text) => {
      store.sendText(text);
    },
    sendAction: (id, data) => store.sendAction(id, data),
    setMetadata: (metadata) => store.setMetadata(metadata),
    identify: (identity) => store.identify(identity),
    newConversation: () => store.newConversation(),
    deleteConversation: (id) => {
      store.history.deleteConversation(id);
    },
    getMetadata: () => store.history.getMetadata(),
    setLocale: (tag) => locale.set(tag),
    // The attribute the stylesheets key on; the brand colour's derived values cover both themes already.
    setTheme: (theme) => host.setAttribute('data-theme', theme),
    reset: () => store.reset(),
    destroy: () => teardown(false),
  };
  function teardown(keepQueued: boolean): void {
    stopEffects();
    store.destroy(keepQueued);
    render(null, container);
    container.remove();
  }
  return {
    ...controller,
    // `attribute` is the element's own (start-widget.ts), never a public command: the iframe bridge runs
    // commands itself.
    run: (command, args) => {
      if (command === 'attribute') return attributes.set(args);
      const result = runCommand(controller, command, args);
      // The caller logs the refusal; the page's error listeners hear it too.
      if (result === false)
        emit('error', { code: 'invalid_arguments', message: `${command}: invalid arguments` });
      return result;
    },
    unmount: () => teardown(true),
    get isOpen() {
      return store.state.open.peek();
    },
    get conversationId() {
      return store.state.conversationId.peek();
    },
  };
}
