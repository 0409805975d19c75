/**
 * Parses the embedding configuration (data attributes on the script tag, query parameters on embed.html)
 * into `ChatOptions`. Every value is a string from the host page; a bad one is reported with its key and
 * replaced by the default, so a typo never leaves a site without its chat.
 *
 * Two stages, so the loader stays small: `parseLauncherOptions` reads what drawing the launcher and the
 * decision to load need; the chat application reads the rest with `parseAppOptions` when it loads. Each key
 * is parsed (and reported) exactly once.
 */
import { type ChatOptions, DEFAULTS, LAUNCHER_DEFAULTS } from '../store/options';
import {
  absoluteUrl,
  bool,
  color,
  createReader,
  email,
  jsonObject,
  oneOf,
  origins,
  positiveInt,
  type RawConfig,
  type ReportError,
  stringRecord,
  text,
} from './config-fields';

export type { RawConfig, ReportError } from './config-fields';

export type LauncherOptions = Pick<
  ChatOptions,
  'apiKey' | 'url' | 'persist' | 'open' | 'position' | 'theme' | 'primaryColor' | 'strings'
>;

export function parseLauncherOptions(read: RawConfig, report: ReportError): LauncherOptions | undefined {
  const apiKey = read('api-key')?.trim();
  if (!apiKey) {
    report('api-key', 'is required (the channel API key)');
    return undefined;
  }
  const { get, opt } = createReader(read, report);
  return {
    apiKey,
    url: get('url', absoluteUrl('ws:', 'wss:'), LAUNCHER_DEFAULTS.url),
    persist: get('persist', oneOf('local', 'session', 'none'), LAUNCHER_DEFAULTS.persist),
    open: get('open', bool, LAUNCHER_DEFAULTS.open),
    position: get('position', oneOf('right', 'left'), LAUNCHER_DEFAULTS.position),
    theme: get('theme', oneOf('light', 'dark', 'auto'), LAUNCHER_DEFAULTS.theme),
    primaryColor: opt('primary-color', color),
    strings: get('strings', stringRecord, LAUNCHER_DEFAULTS.strings),
  };
}

export function parseAppOptions(
  read: RawConfig,
  report: ReportError,
  launcher: LauncherOptions,
): ChatOptions {
  const { get, opt } = createReader(read, report);
  const user = {
    userId: opt('user-id', text),
    firstName: opt('user-first-name', text),
    lastName: opt('user-last-name', text),
    email: opt('user-email', email),
  };
  return {
    ...DEFAULTS,
    ...launcher,
    user: Object.fromEntries(Object.entries(user).filter(([, v]) => v !== undefined)),
    metadata: get('metadata', jsonObject, DEFAULTS.metadata),
    start: get('start', oneOf('bot-first', 'user-first'), DEFAULTS.start),
    title: opt('title', text),
    subtitle: opt('subtitle', text),
    avatar: opt('avatar', absoluteUrl('https:', 'http:')),
    welcome: opt('welcome', (v) => v.slice(0, 2000)),
    locale: opt('locale', (v) => (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v) ? v : undefined)),
    humanButton: get('human-button', bool, DEFAULTS.humanButton),
    attachments: get('attachments', bool, DEFAULTS.attachments),
    maxFileSize: get('max-file-size', positiveInt, DEFAULTS.maxFileSize),
    accept: get('accept', (v) => v || undefined, DEFAULTS.accept),
    uploadUrl: get('upload-url', absoluteUrl('https:', 'http:'), DEFAULTS.uploadUrl),
    allowedOrigins: get('allowed-origins', origins, DEFAULTS.allowedOrigins),
    keepaliveMs: get('keepalive-ms', positiveInt, DEFAULTS.keepaliveMs),
    maxRetries: get('max-retries', positiveInt, DEFAULTS.maxRetries),
    sendTimeoutMs: get('send-timeout-ms', positiveInt, DEFAULTS.sendTimeoutMs),
  };
}

/** Both stages at once, for the iframe page, which has no loader. */
export function parseOptions(read: RawConfig, report: ReportError): ChatOptions | undefined {
  const launcher = parseLauncherOptions(read, report);
  return launcher && parseAppOptions(read, report, launcher);
}
