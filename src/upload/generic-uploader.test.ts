import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeXhr, fakeXhr } from './fake-xhr';
import { createGenericUploader, UploadError } from './index';

const png = () => new File([new Uint8Array([137, 80, 78, 71])], 'shot.png', { type: 'image/png' });

function start(headers?: Record<string, string>, onProgress: (f: number) => void = () => {}) {
  const upload = createGenericUploader({ url: 'https://host.example/upload', headers, xhr: fakeXhr });
  const promise = upload(png(), { conversationId: 'c', onProgress, signal: new AbortController().signal });
  return { promise, xhr: FakeXhr.last };
}

beforeEach(() => FakeXhr.reset());

describe('createGenericUploader', () => {
  it('posts only the file, with the host’s headers and no API key', () => {
    const { xhr } = start({ authorization: 'Bearer t' });
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('https://host.example/upload');
    expect(xhr.fields()).toEqual({ file: 'shot.png' });
    expect(xhr.headers).toEqual({ authorization: 'Bearer t' });
  });

  it('reports progress', () => {
    const onProgress = vi.fn();
    const { xhr } = start(undefined, onProgress);
    xhr.progress(3, 4);
    expect(onProgress).toHaveBeenCalledWith(0.75);
  });

  it('maps {url, filename, type}', async () => {
    const { promise, xhr } = start();
    xhr.respond(201, { url: 'https://cdn.example/x.png', filename: 'x.png', type: 'image/webp', extra: 1 });
    await expect(promise).resolves.toEqual({
      filename: 'x.png',
      type: 'image/webp',
      url: 'https://cdn.example/x.png',
    });
  });

  it('falls back to the picked file’s name and type', async () => {
    const { promise, xhr } = start();
    xhr.respond(200, { url: 'https://cdn.example/x.png', filename: 7, type: '' });
    await expect(promise).resolves.toEqual({
      filename: 'shot.png',
      type: 'image/png',
      url: 'https://cdn.example/x.png',
    });
  });

  it.each([
    ['no url', { filename: 'x' }],
    ['a data: URL', { url: 'data:image/png;base64,AAAA' }],
    ['not JSON', '<html>'],
  ])('rejects a response with %s', async (_label, body) => {
    const { promise, xhr } = start();
    xhr.respond(200, body);
    await expect(promise).rejects.toMatchObject({ code: 'malformed' });
  });

  it('rejects an HTTP error with its status and JSON message', async () => {
    const { promise, xhr } = start();
    xhr.respond(401, { message: 'Token expired' });
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({ status: 401, message: 'Token expired', name: 'UploadError' });
  });
});
