/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The custom channel's API key (set it in `.env.local`). */
  readonly VITE_CAPTIVATE_API_KEY?: string;
  /** The hub's socket URL; unset means Captivate's production hub. `ws://127.0.0.1:8787` for `npx captivate-hub`. */
  readonly VITE_CAPTIVATE_URL?: string;
}
