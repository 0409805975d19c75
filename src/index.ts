/**
 * The npm entry: `createChat()` mounts the widget from code, for sites that bundle it rather than add the
 * script tag. Importing this module has no side effects (safe in SSR: nothing touches `window` until
 * `createChat` is called).
 */
import { resolveChatOptions } from './embed/config';
import type { WidgetController } from './embed/controller';
import { createEmitter } from './embed/emitter';
import { createWidgetHost } from './embed/host';
import { mountApp } from './embed/mount';
import type { HostEventName, HostEvents } from './store/events';
import type { ChatOptions } from './store/options';
import type { Uploader } from './upload';

export type { OutgoingFile } from './protocol';
export type { HostEventName, HostEvents } from './store/events';
export type { ChatOptions, PersistMode, SendMode, StartMode } from './store/options';
export type { UploadContext, Uploader } from './upload';

export interface CreateChatOptions extends Partial<ChatOptions> {
  apiKey: string;
  /** Stores files elsewhere: called for each attached file instead of uploading to `uploadUrl`. */
  uploader?: Uploader;
}

export interface ChatInstance extends WidgetController {
  on<K extends HostEventName>(name: K, cb: (detail: HostEvents[K]) => void): () => void;
}

export function createChat(config: CreateChatOptions): ChatInstance {
  if (typeof config?.apiKey !== 'string' || !config.apiKey)
    throw new TypeError('createChat: apiKey is required');
  const { uploader, ...rest } = config;
  const emitter = createEmitter(window);
  const configErrors: string[] = [];
  const options: ChatOptions = resolveChatOptions(rest, (key, message) => {
    console.error(`[captivate-chat] createChat: ${key} ${message}`);
    configErrors.push(`${key} ${message}`);
  });
  const { host, root, launcher } = createWidgetHost(document, options);
  const controller = mountApp({
    root,
    options,
    emit: emitter.emit,
    mode: 'launcher',
    launcher,
    ...(uploader ? { uploader } : {}),
  });
  launcher.button.addEventListener('click', () => controller.toggle());
  queueMicrotask(() => {
    // After `createChat` returns, so listeners the host adds on the returned instance hear them too.
    for (const message of configErrors) emitter.emit('error', { code: 'config', message });
    emitter.emit('ready', { sendMode: options.sendMode });
  });
  return {
    ...controller,
    on: emitter.on,
    destroy() {
      controller.destroy();
      host.remove();
      emitter.clear();
    },
  };
}
