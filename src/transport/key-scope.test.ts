import { describe, expect, it } from 'vitest';
import {
  isLoopbackHost,
  isSecureEndpoint,
  type KeyScope,
  mayReceiveApiKey,
  messageLinkTarget,
} from './key-scope';

const vendor: KeyScope = {
  hubUrl: 'wss://channel.wss.captivatechat.ai/dev',
  httpUrl: 'https://channel.prod.captivat.io',
  uploadUrl: 'https://file-to-text.prod.captivat.io/api/file-to-text',
};
const custom: KeyScope = {
  hubUrl: 'wss://hub.example.com/ws',
  httpUrl: 'https://api.example.com/hub',
  uploadUrl: 'https://shared-files.example.net/tenant-a/upload',
};
const local: KeyScope = {
  hubUrl: 'ws://127.0.0.1:8787',
  httpUrl: 'http://127.0.0.1:8787',
  uploadUrl: 'http://127.0.0.1:8787/api/file-to-text',
};

describe('loopback and secure endpoints', () => {
  it.each(['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.255.0.9', '[::1]'])(
    '%s is loopback',
    (h) => {
      expect(isLoopbackHost(h)).toBe(true);
    },
  );

  it.each(['localhost.example.com', '127.0.0.1.nip.io', '10.0.0.1', '[::2]', 'example.com', '0.0.0.0'])(
    '%s is not loopback',
    (h) => expect(isLoopbackHost(h)).toBe(false),
  );

  it('allows plaintext only on loopback, as URL normalises hosts', () => {
    expect(isSecureEndpoint(new URL('http://127.1:9/'))).toBe(true);
    expect(isSecureEndpoint(new URL('http://0x7f.1/'))).toBe(true);
    expect(isSecureEndpoint(new URL('ws://example.com/'))).toBe(false);
    expect(isSecureEndpoint(new URL('ftp://127.0.0.1/'))).toBe(false);
  });
});

describe('mayReceiveApiKey', () => {
  it.each([
    ['the HTTP side', 'https://channel.prod.captivat.io/api/custom-channel/sockets/message', vendor],
    ['the upload endpoint', 'https://file-to-text.prod.captivat.io/api/presigned-url', vendor],
    ['a vendor domain, for the 413 link', 'https://large.captivatechat.ai/messages/1', vendor],
    ['the apex vendor domain', 'https://captivat.io/x', custom],
    [
      'a custom HTTP side under its path',
      'https://api.example.com/hub/api/transcript?conversation_id=1',
      custom,
    ],
    [
      'a custom upload endpoint and its folder',
      'https://shared-files.example.net/tenant-a/presigned-url',
      custom,
    ],
    ["the custom hub's own origin", 'https://hub.example.com/large/1', custom],
    ['the local hub', 'http://127.0.0.1:8787/api/transcript', local],
  ])('goes to %s', (_what, target, scope) => {
    expect(mayReceiveApiKey(target, scope)).toBe(true);
  });

  it.each([
    ['plain http to the vendor', 'http://channel.prod.captivat.io/api/transcript', vendor],
    ['plain http to a custom HTTP side', 'http://api.example.com/hub/api/transcript', custom],
    ['another port of the HTTP side', 'https://api.example.com:8443/hub/api/transcript', custom],
    ['another port of a vendor host', 'https://channel.prod.captivat.io:8443/api', vendor],
    ['outside the HTTP side path', 'https://api.example.com/other/api/transcript', custom],
    ['a path that only starts like it', 'https://api.example.com/hubris/api', custom],
    ['another tenant of a shared upload host', 'https://shared-files.example.net/tenant-b/upload', custom],
    [
      'a dot-dot escape from the tenant folder',
      'https://shared-files.example.net/tenant-a/../tenant-b/x',
      custom,
    ],
    [
      'another subdomain of a shared host',
      'https://tenant-b.shared-files.example.net/tenant-a/upload',
      custom,
    ],
    ['a relative link', '/large/1', vendor],
    ['a protocol-relative link', '//channel.prod.captivat.io/api', vendor],
    ['userinfo pretending to be the vendor', 'https://channel.prod.captivat.io@evil.example/x', vendor],
    ['userinfo on the vendor host', 'https://user:pw@channel.prod.captivat.io/x', vendor],
    ['a look-alike domain', 'https://evilcaptivat.io/x', vendor],
    ['a vendor name inside another domain', 'https://captivat.io.evil.example/x', vendor],
    ['another loopback port', 'http://127.0.0.1:631/admin', local],
    ['loopback when the hub is remote', 'http://127.0.0.1:8787/api', custom],
    ['a javascript: URL', 'javascript:alert(1)', vendor],
    ['nonsense', 'not a url', vendor],
  ])('never goes to %s', (_what, target, scope) => {
    expect(mayReceiveApiKey(target, scope)).toBe(false);
  });
});

describe('messageLinkTarget', () => {
  it('takes https: links, and loopback http: only from a loopback hub', () => {
    expect(messageLinkTarget('https://cdn.example.com/m/1', custom)?.href).toBe(
      'https://cdn.example.com/m/1',
    );
    expect(messageLinkTarget('http://127.0.0.1:8787/m/1', local)?.href).toBe('http://127.0.0.1:8787/m/1');
    expect(messageLinkTarget('http://127.0.0.1:8787/m/1', custom)).toBeUndefined();
    expect(messageLinkTarget('http://cdn.example.com/m/1', local)).toBeUndefined();
  });

  it.each([
    '/m/1',
    'm/1',
    '//cdn.example.com/m/1',
    'https://u:p@cdn.example.com/m',
    'data:,{}',
    'javascript:1',
  ])('refuses %s', (link) => expect(messageLinkTarget(link, vendor)).toBeUndefined());
});
