/**
 * Parses the embedding configuration (data attributes on the script tag, query parameters on embed.html)
 * into `ChatOptions`. Every value is a string from the host page; a bad one is reported with its key and
 * replaced by the default, so a typo never leaves a site without its chat.
 *
 * Two stages, so the loader stays small: `parseLauncherOptions` reads what drawing the launcher and the
 * decision to load need; the chat application reads the rest with `parseAppOptions` when it loads. Each key
 * is parsed (and reported) exactly once.
 */
import { canonicalLocale } from '../i18n/locales';
import {
  type ChatOptions,
  DEFAULTS,
  defaultHttpUrl,
  LAUNCHER_DEFAULTS,
  type SendMode,
  THEMES,
} from '../store/options';
import {
  absoluteUrl,
  apiBase,
  bool,
  color,
  createReader,
  EXPECTED,
  email,
  endpointUrl,
  jsonObject,
  oneOf,
  origins,
  positiveInt,
  type RawConfig,
  type ReportError,
  stringRecord,
  text,
} from './config-fields';

import { readObjectConfig, toOption } from './object-config';

export type { RawConfig, ReportError } from './config-fields';

/** `none`: no launcher is drawn; the site opens the chat with `open()` from its own button. */
export type LauncherStyle = 'bubble' | 'none';

export type LauncherOptions = Pick<
  ChatOptions,
  'apiKey' | 'url' | 'persist' | 'open' | 'position' | 'theme' | 'primaryColor' | 'strings' | 'locale'
> & { launcher: LauncherStyle };

/** What the script tag and `createChat()` configure: the application's options and the launcher's style. */
export type EmbedOptions = ChatOptions & LauncherOptions;

export function parseLauncherOptions(read: RawConfig, report: ReportError): LauncherOptions | undefined {
  const apiKey = read('api-key')?.trim();
  if (!apiKey) {
    report('api-key', 'is required (the channel API key)');
    return undefined;
  }
  const { get, opt } = createReader(read, report);
  return {
    apiKey,
    // Any ws(s) URL here; plaintext outside loopback is refused when the application loads (parseAppOptions),
    // which keeps the check off the loader's budget. Nothing connects before then.
    url: get('url', absoluteUrl('ws:', 'wss:'), LAUNCHER_DEFAULTS.url),
    persist: get('persist', oneOf('local', 'session', 'none'), LAUNCHER_DEFAULTS.persist),
    open: get('open', bool, LAUNCHER_DEFAULTS.open),
    position: get('position', oneOf('right', 'left'), LAUNCHER_DEFAULTS.position),
    launcher: get('launcher', oneOf<LauncherStyle>('bubble', 'none'), 'bubble'),
    theme: get('theme', oneOf(...THEMES), LAUNCHER_DEFAULTS.theme),
    primaryColor: opt('primary-color', color),
    strings: get('strings', stringRecord, LAUNCHER_DEFAULTS.strings),
    // The launcher is named in the visitor's language before the application loads.
    locale: opt('locale', canonicalLocale),
  };
}

export function parseAppOptions(
  read: RawConfig,
  report: ReportError,
  launcher: LauncherOptions,
): EmbedOptions {
  const { get, opt } = createReader(read, report);
  const user = {
    userId: opt('user-id', text),
    firstName: opt('user-first-name', text),
    lastName: opt('user-last-name', text),
    email: opt('user-email', email),
  };
  const url = createReader((key) => (key === 'url' ? launcher.url : undefined), report).get(
    'url',
    endpointUrl('wss:', 'ws:'),
    DEFAULTS.url,
    EXPECTED.url,
  );
  const httpUrl = get('http-url', apiBase, defaultHttpUrl(url), EXPECTED.apiBase);
  return {
    ...DEFAULTS,
    ...launcher,
    url,
    sendMode: sendModeFor(
      get('send-mode', oneOf<SendMode>('auto', 'socket', 'http'), DEFAULTS.sendMode),
      httpUrl,
      'send-mode',
      report,
    ),
    httpUrl,
    user: Object.fromEntries(Object.entries(user).filter(([, v]) => v !== undefined)),
    metadata: get('metadata', jsonObject, DEFAULTS.metadata),
    start: get('start', oneOf('bot-first', 'user-first'), DEFAULTS.start),
    title: opt('title', text),
    subtitle: opt('subtitle', text),
    avatar: opt('avatar', absoluteUrl('https:', 'http:')),
    welcome: opt('welcome', (v) => v.slice(0, 2000)),
    humanButton: get('human-button', bool, DEFAULTS.humanButton),
    attachments: get('attachments', bool, DEFAULTS.attachments),
    maxFileSize: get('max-file-size', positiveInt, DEFAULTS.maxFileSize),
    accept: get('accept', (v) => v || undefined, DEFAULTS.accept),
    uploadUrl: get('upload-url', endpointUrl('https:', 'http:'), DEFAULTS.uploadUrl, EXPECTED.https),
    allowedOrigins: get('allowed-origins', origins, DEFAULTS.allowedOrigins, EXPECTED.origins),
    keepaliveMs: get('keepalive-ms', positiveInt, DEFAULTS.keepaliveMs),
    maxRetries: get('max-retries', positiveInt, DEFAULTS.maxRetries),
    sendTimeoutMs: get('send-timeout-ms', positiveInt, DEFAULTS.sendTimeoutMs),
    agentWaitMs: get('agent-wait-ms', positiveInt, DEFAULTS.agentWaitMs),
  };
}

/** `http` needs an HTTP side: without one it would never send anything, so it is reported and `auto` used. */
function sendModeFor(
  mode: SendMode,
  httpUrl: string | undefined,
  key: string,
  report: ReportError,
): SendMode {
  if (mode !== 'http' || httpUrl) return mode;
  report(key, 'is "http" but there is no http-url (none is assumed with a custom url); using "auto"');
  return 'auto';
}

/** Both stages at once, for the iframe page, which has no loader. */
export function parseOptions(read: RawConfig, report: ReportError): EmbedOptions | undefined {
  const launcher = parseLauncherOptions(read, report);
  return launcher && parseAppOptions(read, report, launcher);
}

/**
 * `createChat()` options are typed but come from the host's code all the same: every option goes through
 * the parser of its data attribute (`readObjectConfig` maps names and types), refusals and unknown options
 * are reported by option name, and a refused value is replaced by its default. An accepted `url` or
 * `upload-url` is kept as written: the storage namespace is derived from `url`. Undefined without `apiKey`.
 */
export function resolveChatOptions(
  given: Record<string, unknown>,
  report: ReportError,
): EmbedOptions | undefined {
  const byName: ReportError = (key, message) => report(toOption(key), message);
  const refused = new Set<string>();
  const source = readObjectConfig(given, (key, message) => {
    refused.add(key);
    byName(key, message);
  });
  const options = parseOptions(source.read, (key, message) => {
    refused.add(key);
    byName(key, message);
  });
  source.reportUnknown(byName);
  if (!options) return undefined;
  const asWritten = (key: string, parsed: string): string => {
    const value = given[toOption(key)];
    return typeof value === 'string' && !refused.has(key) ? value.trim() : parsed;
  };
  return {
    ...options,
    url: asWritten('url', options.url),
    uploadUrl: asWritten('upload-url', options.uploadUrl),
  };
}
