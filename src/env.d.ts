/** Replaced at build time (vite.config.ts `define`). */
declare const __VERSION__: string;
/**
 * The application entry chunk, then the chunks it imports, relative to the loader script (set by the loader
 * build from the manifest).
 */
declare const __APP_FILES__: string[];

/** The demo pages' hub address (`.env`, overridden by `npm start`). */
interface ImportMetaEnv {
  readonly VITE_HUB_WS: string;
  readonly VITE_HUB_HTTP: string;
}
