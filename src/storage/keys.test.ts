import { describe, expect, it } from 'vitest';
import { hashKey } from './index';
import { isOtherVersionKey, makeKey, parseJsonSafe } from './keys';

describe('hashKey', () => {
  it.each([
    ['', '811c9dc5'],
    ['a', 'e40c292c'],
    ['foobar', 'bf9cf968'],
  ])('FNV-1a 32 of %j is %s', (input, hash) => {
    expect(hashKey(input)).toBe(hash);
  });

  it('never contains the input', () => {
    expect(hashKey('secret-api-key')).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('makeKey and isOtherVersionKey', () => {
  it('builds versioned, namespaced keys', () => {
    expect(makeKey('ns', 'conv')).toBe('captivate-chat:v1:ns:conv');
    expect(makeKey('a:b/c', 'k')).toBe('captivate-chat:v1:a%3Ab%2Fc:k');
  });

  it.each([
    ['captivate-chat:v0:ns:conv', true],
    ['captivate-chat:v2:ns:conv', true],
    ['captivate-chat:v10:ns:conv', true],
    ['captivate-chat:conversationId', true],
    ['captivate-chat:v1:ns:conv', false],
    ['other-app:v0:x', false],
  ])('%s is another version: %s', (key, other) => {
    expect(isOtherVersionKey(key)).toBe(other);
  });
});

describe('parseJsonSafe', () => {
  it('parses ordinary JSON unchanged', () => {
    expect(parseJsonSafe('{"a":[1,{"b":null}],"c":"constructor"}')).toEqual({
      a: [1, { b: null }],
      c: 'constructor',
    });
  });

  it('drops prototype keys inside arrays too', () => {
    expect(parseJsonSafe('[{"__proto__":{"x":1},"ok":true}]')).toEqual([{ ok: true }]);
  });

  it('throws on malformed JSON, for the caller to reset', () => {
    expect(() => parseJsonSafe('}{')).toThrow(SyntaxError);
  });
});
