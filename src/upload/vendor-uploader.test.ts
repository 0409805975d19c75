import { beforeEach, describe, expect, it } from 'vitest';
import { FakeXhr, fakeXhr } from './fake-xhr';
import { createVendorUploader, UploadError, VENDOR_UPLOAD_URL } from './index';

const pdf = () => new File(['%PDF-1.4 hello'], 'a.pdf', { type: 'application/pdf' });
const OK = {
  success: true,
  text: 'hello',
  fileKey: 'KEY/conv-1/a.pdf',
  presignedUrl: 'https://files.example/a.pdf?sig=1',
  expiresIn: 3600,
  fileSize: 14,
};

function start(
  overrides: { signal?: AbortSignal; onProgress?: (f: number) => void; maxTextBytes?: number } = {},
) {
  const upload = createVendorUploader({
    url: VENDOR_UPLOAD_URL,
    apiKey: 'KEY',
    xhr: fakeXhr,
    timeoutMs: 5000,
    maxTextBytes: overrides.maxTextBytes,
  });
  const promise = upload(pdf(), {
    conversationId: 'conv-1',
    onProgress: () => {},
    signal: new AbortController().signal,
  });
  return { promise, xhr: FakeXhr.last };
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

describe('createVendorUploader', () => {
  it('posts the vendor’s multipart fields with the API key header', () => {
    const { xhr } = start();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe(VENDOR_UPLOAD_URL);
    expect(xhr.headers).toEqual({ 'x-api-key': 'KEY' });
    expect(xhr.timeout).toBe(5000);
    expect(xhr.fields()).toEqual({
      file: 'a.pdf',
      includeMetadata: 'true',
      storage: 'true',
      path: 'KEY/conv-1',
    });
  });

  it('maps the response to the vendor client’s FILE shape', async () => {
    const { promise, xhr } = start();
    xhr.respond(200, OK);
    await expect(promise).resolves.toEqual({
      filename: 'a.pdf',
      type: 'application/pdf',
      url: OK.presignedUrl,
      storage: { fileKey: OK.fileKey, presignedUrl: OK.presignedUrl, expiresIn: 3600, fileSize: 14 },
      textContent: {
        type: 'file_content',
        text: 'hello',
        metadata: { source: 'file_attachment', originalFileName: 'a.pdf' },
      },
    });
  });

  it.each([[''], ['   '], [null], [42], [undefined]])('omits textContent when text is %j', async (text) => {
    const { promise, xhr } = start();
    xhr.respond(200, { ...OK, text, expiresIn: 'soon', fileSize: undefined });
    const file = await promise;
    expect(file.textContent).toBeUndefined();
    expect(file.storage).toMatchObject({ expiresIn: 0, fileSize: pdf().size });
  });

  it('caps long extracted text to keep the frame under the socket limit', async () => {
    const { promise, xhr } = start({ maxTextBytes: 1000 });
    xhr.respond(200, { ...OK, text: '文'.repeat(50_000) });
    const file = await promise;
    expect(new TextEncoder().encode(JSON.stringify(file.textContent?.text)).length).toBeLessThanOrEqual(1000);
    expect(file.textContent?.metadata.truncated).toBe(true);
  });

  it('rejects a 413 with the server’s JSON error message and status', async () => {
    const { promise, xhr } = start();
    xhr.respond(413, { success: false, error: 'File too large. Maximum size is 10MB.' });
    const error = await rejection(promise);
    expect(error).toMatchObject({
      code: 'http',
      status: 413,
      message: 'File too large. Maximum size is 10MB.',
    });
  });

  it('rejects a non-JSON error page with a generic message', async () => {
    const { promise, xhr } = start();
    xhr.respond(502, '<html><body>Bad gateway</body></html>');
    expect(await rejection(promise)).toMatchObject({
      code: 'http',
      status: 502,
      message: 'Upload failed (HTTP 502).',
    });
  });

  it('rejects success:false in a 200', async () => {
    const { promise, xhr } = start();
    xhr.respond(200, { success: false, error: 'Unsupported file' });
    expect(await rejection(promise)).toMatchObject({ code: 'http', message: 'Unsupported file' });
  });

  it.each([
    ['not JSON', 'not json{'],
    ['no presignedUrl', { ...OK, presignedUrl: undefined }],
    ['no fileKey', { ...OK, fileKey: '' }],
    ['a javascript: URL', { ...OK, presignedUrl: 'javascript:alert(1)' }],
    ['a relative URL', { ...OK, presignedUrl: '/files/a.pdf' }],
    ['null', null],
  ])('rejects a malformed 200 response (%s)', async (_label, body) => {
    const { promise, xhr } = start();
    xhr.respond(200, body);
    expect(await rejection(promise)).toMatchObject({ code: 'malformed', status: 200 });
  });
});
