/**
 * The widget's configuration after parsing and validation (done once, in `embed/`). Every layer below
 * receives this object and never re-reads data attributes or query parameters.
 */
import type { UserIdentity } from '../protocol';
import type { SendMode } from '../session';

export type { SendMode } from '../session';

export type StartMode = 'bot-first' | 'user-first';
export type PersistMode = 'local' | 'session' | 'none';

/** `auto` follows the visitor's system setting (`prefers-color-scheme`). */
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];
export const isTheme = (value: unknown): value is Theme => (THEMES as readonly unknown[]).includes(value);

export interface ChatOptions {
  apiKey: string;
  /** Socket base URL; `apiKey` is appended unless present. */
  url: string;
  /** `auto` (default), `socket` or `http` (docs/protocol.md §7). */
  sendMode: SendMode;
  /**
   * The hub's HTTP side (`POST /api/custom-channel/sockets/message`, `GET /api/transcript`), without a
   * trailing slash; absent when there is none (a custom `url` without `http-url`).
   */
  httpUrl?: string;
  user: UserIdentity;
  metadata: Record<string, unknown>;
  start: StartMode;
  title?: string;
  subtitle?: string;
  avatar?: string;
  welcome?: string;
  primaryColor?: string;
  position: 'right' | 'left';
  theme: Theme;
  open: boolean;
  locale?: string;
  humanButton: boolean;
  attachments: boolean;
  maxFileSize: number;
  accept: string;
  uploadUrl: string;
  persist: PersistMode;
  allowedOrigins: string[];
  /** How often an idle socket sends a keepalive event (the hub's gateway closes sockets idle for 10 min). */
  keepaliveMs: number;
  /** Reconnect attempts before the widget gives up and offers Retry. */
  maxRetries: number;
  /** How long a message may stay "sending" before it is shown failed, with Retry. */
  sendTimeoutMs: number;
  /** How long "talk to a human" waits for an agent before it says none came and offers the button again. */
  agentWaitMs: number;
  /** Host overrides of UI strings, by i18n key. */
  strings: Record<string, string>;
}

export const DEFAULT_HUB_URL = 'wss://channel.wss.captivatechat.ai/dev';
export const DEFAULT_HTTP_URL = 'https://channel.prod.captivat.io';
export const DEFAULT_UPLOAD_URL = 'https://file-to-text.prod.captivat.io/api/file-to-text';

/**
 * The defaults of the keys the script-tag loader reads. Kept apart from `DEFAULTS` so the loader, which
 * has a 3 KB budget, does not carry the other defaults' strings.
 */
export const LAUNCHER_DEFAULTS: Pick<
  ChatOptions,
  'url' | 'persist' | 'open' | 'position' | 'theme' | 'strings'
> = {
  url: DEFAULT_HUB_URL,
  persist: 'local',
  open: false,
  position: 'right',
  theme: 'auto',
  strings: {},
};

/**
 * The HTTP side that belongs to a socket URL: the vendor's hubs have one; a site's own hub has none
 * unless `http-url` names it, so a strict CSP never has to allow a request nobody asked for.
 */
export function defaultHttpUrl(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'wss:') return undefined;
    if (hostname === 'channel.wss.captivatechat.ai') return DEFAULT_HTTP_URL;
    if (hostname === 'channel-dev.wss.captivatechat.ai') return 'https://channel.dev.captivat.io';
  } catch {}
  return undefined;
}

/** The value of every key the host does not set (docs/architecture.md §2). */
export const DEFAULTS: Omit<ChatOptions, 'apiKey'> = {
  ...LAUNCHER_DEFAULTS,
  sendMode: 'auto',
  httpUrl: DEFAULT_HTTP_URL,
  user: {},
  metadata: {},
  start: 'bot-first',
  humanButton: true,
  attachments: true,
  maxFileSize: 10_485_760,
  accept: 'image/*,application/pdf,text/plain,text/csv,.docx,.xlsx',
  uploadUrl: DEFAULT_UPLOAD_URL,
  allowedOrigins: [],
  keepaliveMs: 300_000,
  maxRetries: 12,
  sendTimeoutMs: 60_000,
  agentWaitMs: 180_000,
};
