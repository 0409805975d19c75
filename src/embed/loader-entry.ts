/**
 * Entry of `dist/captivate-chat.js` (a classic script). The application chunk's hashed name is compiled in
 * by the loader build and resolved against this script's own URL, so the widget works from any CDN path.
 * It starts the script tag's widget (when the tag has `data-api-key`) and defines `<captivate-chat>`.
 */

import { loadOnce } from '../lazy/load-once';
import { defineChatElement } from './element';
import { type AppModule, boot, findScript } from './loader';

const script = findScript(document);
const base = script?.src || document.baseURI;

// The entry and its chunks are imported all at once, so they are fetched in parallel instead of discovered
// one by one; one Promise.all settles for all of them (a failed chunk is the load's failure).
const loadApp = loadOnce<AppModule>(() =>
  Promise.all(__APP_FILES__.map((file) => import(/* @vite-ignore */ new URL(file, base).href))).then(
    ([app]) => app,
  ),
);
const env = { loadApp, nonce: script?.nonce };
boot(script, env);
defineChatElement(env);
