/**
 * Entry of `embed.html`: the same application, full-size and always open, configured by query parameters
 * with the same keys as the data attributes, and driven by the host through the postMessage bridge.
 */
import { createBridge } from './bridge';
import { parseOptions } from './config';
import { createEmitter } from './emitter';
import { mountApp } from './mount';

const params = new URLSearchParams(window.location.search);
const bridge = { current: undefined as ReturnType<typeof createBridge> | undefined };
const events = createEmitter(window);
// Every event also goes to the host page, through the bridge.
const emitter: Pick<typeof events, 'emit'> = {
  emit: (name, detail) => {
    events.emit(name, detail);
    bridge.current?.post(name, detail);
  },
};
const options = parseOptions(
  (key) => params.get(key),
  (key, message) => {
    console.error(`[captivate-chat] ${key} ${message}`);
    emitter.emit('error', { code: 'config', message: `${key} ${message}` });
  },
);

if (options) {
  bridge.current = createBridge(window, options.allowedOrigins);
  const host = document.createElement('captivate-chat');
  host.setAttribute('data-mode', 'frame');
  host.setAttribute('data-theme', options.theme);
  if (options.primaryColor) host.style.setProperty('--cc-primary', options.primaryColor);
  document.body.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  const controller = mountApp({
    root,
    options: { ...options, open: true },
    emit: emitter.emit,
    mode: 'frame',
  });
  bridge.current.attach(controller);
  emitter.emit('ready', { sendMode: options.sendMode });
}
