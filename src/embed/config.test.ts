import { describe, expect, it } from 'vitest';
import { DEFAULT_HTTP_URL, DEFAULT_HUB_URL, DEFAULT_UPLOAD_URL, defaultHttpUrl } from '../store/options';
import { parseAppOptions, parseLauncherOptions, parseOptions, resolveChatOptions } from './config';

function parse(cfg: Record<string, string>) {
  const errors: [string, string][] = [];
  const options = parseOptions(
    (key) => ({ 'api-key': 'KEY', ...cfg })[key],
    (key, message) => errors.push([key, message]),
  );
  return { options: options!, errors, keys: errors.map(([key]) => key) };
}

describe('send-mode and http-url', () => {
  it('default to auto and the vendor HTTP side with the default url', () => {
    const { options, errors } = parse({});
    expect(errors).toEqual([]);
    expect(options.sendMode).toBe('auto');
    expect(options.url).toBe(DEFAULT_HUB_URL);
    expect(options.httpUrl).toBe(DEFAULT_HTTP_URL);
  });

  it.each(['auto', 'socket', 'http'])('accept send-mode %s', (mode) => {
    expect(parse({ 'send-mode': mode }).options.sendMode).toBe(mode);
  });

  it('report an unknown send-mode and use auto', () => {
    const { options, keys } = parse({ 'send-mode': 'carrier-pigeon' });
    expect(keys).toEqual(['send-mode']);
    expect(options.sendMode).toBe('auto');
  });

  it('give a site that sets its own url no HTTP side unless it names one', () => {
    expect(parse({ url: 'wss://hub.example.com/ws' }).options.httpUrl).toBeUndefined();
    expect(parse({ url: 'ws://127.0.0.1:8787' }).options.httpUrl).toBeUndefined();
    const named = parse({ url: 'wss://hub.example.com/ws', 'http-url': 'https://api.example.com/hub/' });
    expect(named.errors).toEqual([]);
    expect(named.options.httpUrl).toBe('https://api.example.com/hub');
  });

  it('pair the vendor hubs with their HTTP sides, whatever the path or key in the url', () => {
    expect(parse({ url: 'wss://channel.wss.captivatechat.ai?apikey=K' }).options.httpUrl).toBe(
      DEFAULT_HTTP_URL,
    );
    expect(parse({ url: 'wss://channel-dev.wss.captivatechat.ai/dev' }).options.httpUrl).toBe(
      'https://channel.dev.captivat.io',
    );
    expect(defaultHttpUrl('ws://channel.wss.captivatechat.ai/dev')).toBeUndefined();
    expect(defaultHttpUrl('not a url')).toBeUndefined();
  });

  it('accept a loopback http-url for the local hub', () => {
    const { options, errors } = parse({ url: 'ws://localhost:8787', 'http-url': 'http://localhost:8787' });
    expect(errors).toEqual([]);
    expect(options.httpUrl).toBe('http://localhost:8787');
  });

  it.each([
    'http://hub.example.com',
    'ftp://hub.example.com',
    'https://hub.example.com/?x=1',
    'https://hub.example.com/#frag',
    '/api',
    '//hub.example.com',
  ])('refuse http-url %s, naming the key, and keep the default', (value) => {
    const { options, errors } = parse({ 'http-url': value });
    expect(errors.map(([key]) => key)).toEqual(['http-url']);
    expect(errors[0]![1]).toContain('https:');
    expect(options.httpUrl).toBe(DEFAULT_HTTP_URL);
  });

  it('report send-mode http without an HTTP side, and use auto (the socket)', () => {
    const { options, errors } = parse({ url: 'wss://hub.example.com', 'send-mode': 'http' });
    expect(errors).toEqual([['send-mode', expect.stringContaining('no http-url')]]);
    expect(options).toMatchObject({ sendMode: 'auto', httpUrl: undefined });
    expect(
      resolveChatOptions({ apiKey: 'K', url: 'wss://hub.example.com', sendMode: 'http' }, () => {})?.sendMode,
    ).toBe('auto');
  });

  it('fall back to no HTTP side when a custom url comes with a refused http-url', () => {
    const { options, keys } = parse({ url: 'wss://hub.example.com', 'http-url': 'http://hub.example.com' });
    expect(keys).toEqual(['http-url']);
    expect(options.httpUrl).toBeUndefined();
  });
});

describe('plaintext endpoints', () => {
  it.each([
    ['url', 'ws://hub.example.com/ws', DEFAULT_HUB_URL],
    ['url', 'ws://10.0.0.5:8787', DEFAULT_HUB_URL],
    ['url', 'ws://127.0.0.1.nip.io', DEFAULT_HUB_URL],
    ['upload-url', 'http://files.example.com/upload', DEFAULT_UPLOAD_URL],
    ['upload-url', 'http://localhost.example.com/upload', DEFAULT_UPLOAD_URL],
  ])('%s %s outside loopback is a configuration error', (key, value, fallback) => {
    const { options, errors } = parse({ [key]: value });
    expect(errors.map(([k]) => k)).toEqual([key]);
    expect(errors[0]![1]).toMatch(/on loopback/);
    expect(key === 'url' ? options.url : options.uploadUrl).toBe(fallback);
  });

  it.each([
    ['url', 'ws://127.0.0.1:8787/'],
    ['url', 'ws://localhost:8787/'],
    ['url', 'ws://[::1]:8787/'],
    ['url', 'ws://app.localhost:8787/'],
    ['upload-url', 'http://127.0.0.1:8787/api/file-to-text'],
    ['url', 'wss://hub.example.com/'],
    ['upload-url', 'https://files.example.com/upload'],
  ])('%s %s is accepted', (key, value) => {
    const { options, errors } = parse({ [key]: value });
    expect(errors).toEqual([]);
    expect(key === 'url' ? options.url : options.uploadUrl).toBe(value);
  });
});

describe('the two stages', () => {
  it('report a plaintext url once, when the application loads, and connect to the default', () => {
    const errors: string[] = [];
    const read = (key: string) => ({ 'api-key': 'K', url: 'ws://hub.example.com/' })[key];
    const report = (key: string) => errors.push(key);
    const launcher = parseLauncherOptions(read, report)!;
    expect(errors).toEqual([]);
    const options = parseAppOptions(read, report, launcher);
    expect(errors).toEqual(['url']);
    expect(options.url).toBe(DEFAULT_HUB_URL);
    expect(options.httpUrl).toBe(DEFAULT_HTTP_URL);
  });
});

describe('launcher', () => {
  it('draws the bubble by default, none when asked, and reports anything else', () => {
    expect(parse({}).options.launcher).toBe('bubble');
    expect(parse({ launcher: 'none' }).options.launcher).toBe('none');
    const { options, keys } = parse({ launcher: 'hidden' });
    expect(keys).toEqual(['launcher']);
    expect(options.launcher).toBe('bubble');
  });

  it('is read by the loader, before the application loads', () => {
    const launcher = parseLauncherOptions(
      (key) => ({ 'api-key': 'K', launcher: 'none' })[key],
      () => {},
    );
    expect(launcher?.launcher).toBe('none');
  });
});

describe('createChat options', () => {
  function resolve(given: Record<string, unknown>) {
    const errors: [string, string][] = [];
    const options = resolveChatOptions({ apiKey: 'KEY', ...given }, (key, message) =>
      errors.push([key, message]),
    );
    if (!options) throw new Error(`refused: ${JSON.stringify(errors)}`);
    return { options, keys: errors.map(([key]) => key) };
  }

  it('take the defaults, and derive the HTTP side from the url', () => {
    expect(resolve({}).options).toMatchObject({ sendMode: 'auto', httpUrl: DEFAULT_HTTP_URL });
    expect(resolve({ url: 'wss://hub.example.com' }).options.httpUrl).toBeUndefined();
    expect(resolve({ sendMode: 'http', httpUrl: 'https://api.example.com/' }).options).toMatchObject({
      sendMode: 'http',
      httpUrl: 'https://api.example.com',
    });
  });

  it('refuse plaintext endpoints and unknown modes by option name, using the defaults', () => {
    const { options, keys } = resolve({
      url: 'ws://hub.example.com',
      uploadUrl: 'http://files.example.com',
      httpUrl: 'http://api.example.com',
      sendMode: 'fax',
    });
    expect(keys.sort()).toEqual(['httpUrl', 'sendMode', 'uploadUrl', 'url']);
    expect(options).toMatchObject({
      url: DEFAULT_HUB_URL,
      uploadUrl: DEFAULT_UPLOAD_URL,
      httpUrl: DEFAULT_HTTP_URL,
      sendMode: 'auto',
    });
  });

  it('take launcher none as an option, not an unknown one', () => {
    const { options, keys } = resolve({ launcher: 'none' });
    expect(keys).toEqual([]);
    expect(options.launcher).toBe('none');
  });

  it('keep every other option as given', () => {
    const { options, keys } = resolve({ title: 'Help', url: 'ws://127.0.0.1:9000' });
    expect(keys).toEqual([]);
    expect(options).toMatchObject({ title: 'Help', url: 'ws://127.0.0.1:9000', httpUrl: undefined });
  });
});

describe('allowed-origins', () => {
  it('keeps exact origins, with an optional port and a forgiven trailing slash', () => {
    const { options, errors } = parse({
      'allowed-origins': 'https://www.example.com, http://localhost:8080/,https://shop.example.co.uk:8443',
    });
    expect(errors).toEqual([]);
    expect(options.allowedOrigins).toEqual([
      'https://www.example.com',
      'http://localhost:8080',
      'https://shop.example.co.uk:8443',
    ]);
  });

  it.each([
    'https://*.example.com',
    '*',
    'https://www.example.com,*',
    'https://www.*.com',
    'https://example.com:*',
  ])('report a wildcard (%s) as an error naming the key, and keep no origin', (value) => {
    const { options, errors } = parse({ 'allowed-origins': value });
    expect(errors).toHaveLength(1);
    expect(errors[0]![0]).toBe('allowed-origins');
    expect(errors[0]![1]).toContain('no "*"');
    expect(options.allowedOrigins).toEqual([]);
  });

  it.each([
    'https://www.example.com/chat',
    'https://www.example.com?x=1',
    'https://www.example.com#top',
    'https://user@www.example.com',
    'www.example.com',
    'null',
    'file:///index.html',
    'ws://www.example.com',
    'chrome-extension://abcdefghijklmnop',
    'https://www.example.com:443',
    'https://WWW.example.com',
  ])('refuse %s, which is not an exact web origin', (value) => {
    const { options, keys } = parse({ 'allowed-origins': `https://ok.example, ${value}` });
    expect(keys).toEqual(['allowed-origins']);
    expect(options.allowedOrigins).toEqual([]);
  });
});
