/**
 * Development entry for the Vite dev server: the same boot as the built loader, but a module script (so
 * `document.currentScript` is null; the tag is found by its data attributes) and the app imported directly.
 */
import { defineChatElement } from './element';
import { boot } from './loader';

const env = { loadApp: () => import('./app-entry') };
boot(document.querySelector<HTMLScriptElement>('script[data-api-key]'), env);
defineChatElement(env);
