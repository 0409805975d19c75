import { describe, expect, it } from 'vitest';
import { classifyFailure, classifyResponse, retryAfterMs } from './http-result';

const json = (value: unknown) => ({ type: 'json' as const, value });
const text = (value: string) => ({ type: 'text' as const, value });

describe('classifyResponse', () => {
  it('takes an opaque redirect (status 0 in browsers) as no HTTP side', () => {
    expect(classifyResponse({ status: 0, body: text('') }).kind).toBe('no-http-side');
  });

  it('recognises a 400 that names the socket id it was sent', () => {
    const body = json({ message: 'Unknown id abc123' });
    expect(classifyResponse({ status: 400, body, socketId: 'abc123' }).kind).toBe('stale-socket');
    expect(classifyResponse({ status: 400, body, socketId: 'zzz' }).kind).toBe('rejected');
    // Without a socket id (the REST transcript) nothing can be stale.
    expect(classifyResponse({ status: 410, body: text('Gone') }).kind).toBe('rejected');
  });

  it('says where a Retry-After points, for 429 and 503 alike', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(
      classifyResponse({ status: 503, body: text(''), retryAfter: 'Thu, 01 Jan 2026 00:00:10 GMT', now }),
    ).toEqual({ kind: 'retry', status: 503, mayHaveArrived: true, retryAfterMs: 10_000, detail: 'HTTP 503' });
    expect(classifyResponse({ status: 429, body: text('') })).toEqual({
      kind: 'retry',
      status: 429,
      mayHaveArrived: false,
      detail: 'HTTP 429',
    });
  });

  it('keeps an unreadable 2xx delivered', () => {
    const body = { type: 'unreadable' as const, detail: 'terminated' };
    expect(classifyResponse({ status: 204, body })).toEqual({ kind: 'delivered', status: 204, answer: body });
  });
});

describe('retryAfterMs', () => {
  it.each([
    ['0', 0],
    [' 120 ', 120_000],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30_000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %j', (header, ms) => {
    expect(retryAfterMs(header, Date.parse('2026-01-01T00:00:00Z'))).toBe(ms);
  });
});

describe('classifyFailure', () => {
  const error = new TypeError('Failed to fetch');
  it.each([
    [{ everAnswered: false, online: true }, 'no-http-side'],
    [{ everAnswered: true, online: true }, 'retry'],
    [{ everAnswered: false, online: false }, 'retry'],
    [{ everAnswered: false, online: true, aborted: 'timed out' as const }, 'retry'],
    [{ everAnswered: false, online: true, aborted: 'closed' as const }, 'retry'],
  ])('%j → %s', (facts, kind) => {
    const outcome = classifyFailure({ ...facts, error });
    expect(outcome.kind).toBe(kind);
    if (outcome.kind === 'retry') expect(outcome.mayHaveArrived).toBe(true);
  });
});
