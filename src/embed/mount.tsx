/**
 * The composition root of the chat application: builds storage, uploader, i18n and the store from the
 * parsed options, renders the UI into the shadow root (or the iframe page) and returns the controller the
 * JS API and the iframe bridge drive.
 */
import { effect } from '@preact/signals';
import { render } from 'preact';
import { createI18n } from '../i18n';
import { createSafeStorage, hashKey } from '../storage';
import { createChatStore } from '../store/chat-store';
import type { Emit } from '../store/events';
import type { ChatOptions } from '../store/options';
import { App, panelCss } from '../ui';
import { createFileLinks, createVendorUploader, type Uploader } from '../upload';
import { runCommand, type WidgetController } from './controller';
import { createSession } from './create-session';
import type { LauncherHandle } from './launcher';
import { adoptStyles } from './styles';

export interface MountArgs {
  /** The shadow root (script-tag embed) or a shadow root on the iframe page's body. */
  root: ShadowRoot;
  options: ChatOptions;
  emit: Emit;
  mode: 'launcher' | 'frame';
  launcher?: LauncherHandle;
  uploader?: Uploader;
  nonce?: string;
}

/** The mounted widget: its controller, and `run` for untrusted calls (JS API, postMessage), validated here. */
export interface MountedApp extends WidgetController {
  run(command: string, args: readonly unknown[]): boolean | Promise<unknown>;
}

export function mountApp({ root, options, emit, mode, launcher, uploader, nonce }: MountArgs): MountedApp {
  const i18n = createI18n(options.locale ?? globalThis.navigator?.language, options.strings);
  const storage = createSafeStorage(options.persist, {
    namespace: hashKey(`${options.url}|${options.apiKey}`),
  });
  const store = createChatStore({
    options,
    storage,
    session: createSession(options, storage),
    uploader: uploader ?? createVendorUploader({ url: options.uploadUrl, apiKey: options.apiKey }),
    ...(uploader
      ? {}
      : { fileLinks: createFileLinks({ uploadUrl: options.uploadUrl, apiKey: options.apiKey }) }),
    t: i18n.t,
    emit,
  });

  adoptStyles(root, panelCss, nonce);
  const container = root.ownerDocument.createElement('div');
  container.className = 'cc-app';
  root.appendChild(container);

  const stopEffects = launcher
    ? effect(() => {
        launcher.setOpen(store.state.open.value);
        launcher.setUnread(store.state.unread.value);
      })
    : () => {};

  render(
    <App
      store={store}
      t={i18n.t}
      dir={i18n.dir}
      locale={i18n.locale}
      options={options}
      mode={mode}
      onClosed={() => launcher?.focus()}
    />,
    container,
  );
  store.connect();

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
    destroy: () => {
      stopEffects();
      store.destroy();
      render(null, container);
      container.remove();
    },
  };
  return { ...controller, run: (command, args) => runCommand(controller, command, args) };
}
