/**
 * Entry of `dist/captivate-chat.js` (a classic script). The application chunk's hashed name is compiled in
 * by the loader build and resolved against this script's own URL, so the widget works from any CDN path.
 */
import { type AppModule, boot, findScript } from './loader';

const script = findScript(document);
const base = script?.src || document.baseURI;

function loadApp(): Promise<AppModule> {
  // Hint the browser to fetch the entry's sibling chunks in parallel instead of discovering them one by one.
  // Runs once per page: boot() below caches the promise, so no link is added twice.
  for (const file of __APP_PRELOADS__) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = new URL(file, base).href;
    if (script?.crossOrigin) link.crossOrigin = script.crossOrigin;
    document.head.appendChild(link);
  }
  return import(/* @vite-ignore */ new URL(__APP_ENTRY__, base).href);
}

let pending: Promise<AppModule> | undefined;
boot(script, () => {
  pending ??= loadApp();
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
});
