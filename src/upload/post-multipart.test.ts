import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeXhr, fakeXhr } from './fake-xhr';
import { postMultipart } from './post-multipart';
import { UploadError } from './types';

function start(opts: { signal?: AbortSignal; onProgress?: (f: number) => void } = {}) {
  const promise = postMultipart({
    url: 'https://files.example/up',
    body: new FormData(),
    headers: { 'x-api-key': 'KEY' },
    onProgress: opts.onProgress ?? (() => {}),
    signal: opts.signal ?? new AbortController().signal,
    timeoutMs: 1234,
    xhr: fakeXhr,
  });
  return { promise, xhr: () => FakeXhr.last };
}

async function rejection(promise: Promise<unknown>): Promise<UploadError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadError);
  return error as UploadError;
}

beforeEach(() => FakeXhr.reset());

describe('postMultipart', () => {
  it('sends a POST with the headers and timeout, and resolves with the JSON body', async () => {
    const { promise, xhr } = start();
    expect(xhr()).toMatchObject({ method: 'POST', url: 'https://files.example/up', timeout: 1234 });
    expect(xhr().headers).toEqual({ 'x-api-key': 'KEY' });
    expect(xhr().body).toBeInstanceOf(FormData);
    xhr().respond(200, { a: 1 });
    await expect(promise).resolves.toEqual({ a: 1 });
  });

  it('reports progress as a clamped fraction, skipping uncomputable events', () => {
    const onProgress = vi.fn();
    const { xhr } = start({ onProgress });
    xhr().progress(25, 100);
    xhr().progress(50, 0, false);
    xhr().progress(5, 0);
    xhr().progress(150, 100);
    expect(onProgress.mock.calls).toEqual([[0.25], [1]]);
  });

  it('survives a throwing progress callback', async () => {
    const { promise, xhr } = start({
      onProgress: () => {
        throw new Error('ui bug');
      },
    });
    xhr().progress(1, 2);
    xhr().respond(200, {});
    await expect(promise).resolves.toEqual({});
  });

  it('rejects a network error with status 0', async () => {
    const { promise, xhr } = start();
    xhr().fail();
    expect(await rejection(promise)).toMatchObject({ code: 'network', status: 0 });
  });

  it('rejects a timeout with status 0', async () => {
    const { promise, xhr } = start();
    xhr().expire();
    expect(await rejection(promise)).toMatchObject({ code: 'timeout', status: 0 });
  });

  it('aborts the request when the signal fires, and ignores a late response', async () => {
    const controller = new AbortController();
    const { promise, xhr } = start({ signal: controller.signal });
    controller.abort();
    expect(xhr().aborted).toBe(true);
    xhr().respond(200, {});
    expect(await rejection(promise)).toMatchObject({ code: 'aborted', status: 0 });
  });

  it('does not start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { promise } = start({ signal: controller.signal });
    expect(await rejection(promise)).toMatchObject({ code: 'aborted' });
    expect(FakeXhr.instances).toHaveLength(0);
  });

  it('rejects, not throws, when the request cannot be opened', async () => {
    FakeXhr.failOpen = true;
    const { promise } = start();
    expect(await rejection(promise)).toMatchObject({ code: 'network', status: 0 });
  });

  it('caps a long server error message', async () => {
    const { promise, xhr } = start();
    xhr().respond(500, { error: 'x'.repeat(5000) });
    expect((await rejection(promise)).message).toHaveLength(300);
  });
});
