import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { trackHubs } from './test-helpers';

const startHub = trackHubs();

interface UploadAnswer {
  success: boolean;
  text: string;
  fileKey: string;
  presignedUrl: string;
  expiresIn: number;
  fileSize: number;
  error?: string;
}

async function upload(
  url: string,
  file: Blob,
  name: string,
  path = 'KEY/conv-1',
): Promise<[number, UploadAnswer]> {
  const form = new FormData();
  form.append('file', file, name);
  form.append('includeMetadata', 'true');
  form.append('storage', 'true');
  form.append('path', path);
  const res = await fetch(`${url}/api/file-to-text`, { method: 'POST', body: form });
  return [res.status, (await res.json()) as UploadAnswer];
}

describe('POST /api/file-to-text', () => {
  it('extracts text from text files, stores them and serves them back at presignedUrl', async () => {
    const hub = await startHub();
    const [status, body] = await upload(
      hub.httpUrl,
      new Blob(['a,b\n1,2\n'], { type: 'text/csv' }),
      'data.csv',
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      success: true,
      text: 'a,b\n1,2\n',
      fileKey: expect.stringMatching(/^KEY\/conv-1\/[0-9a-f]{8}-data\.csv$/),
      presignedUrl: expect.stringMatching(new RegExp(`^${hub.httpUrl}/files/KEY/conv-1/`)),
      expiresIn: expect.any(Number),
      fileSize: 8,
    });
    expect(body.expiresIn).toBeGreaterThan(Date.now() / 1000);
    const file = await fetch(body.presignedUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="data\.csv"/);
    expect(await file.text()).toBe('a,b\n1,2\n');
  });

  it('describes binary files, serves raster images inline and HTML/SVG as attachments', async () => {
    const hub = await startHub();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const [, image] = await upload(hub.httpUrl, new Blob([png], { type: 'image/png' }), 'photo.png');
    expect(image.text).toBe('[binary file: photo.png, 7 bytes]');
    const served = await fetch(image.presignedUrl);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('content-disposition')).toBeNull();
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);

    for (const [name, type] of [
      ['page.html', 'text/html'],
      ['logo.svg', 'image/svg+xml'],
    ] as const) {
      const [, answer] = await upload(hub.httpUrl, new Blob(['<svg onload=alert(1)>'], { type }), name);
      const res = await fetch(answer.presignedUrl);
      expect(res.headers.get('content-disposition'), name).toMatch(/^attachment/);
    }
  });

  it('refuses a bad or missing signature and keeps keys inside their folder', async () => {
    const hub = await startHub();
    const [, body] = await upload(
      hub.httpUrl,
      new Blob(['x'], { type: 'text/plain' }),
      '../../etc/passwd',
      '../a/./b',
    );
    expect(body.fileKey).toMatch(/^a\/b\/[0-9a-f]{8}-__\.\._etc_passwd$/);
    expect((await fetch(body.presignedUrl.replace(/sig=[0-9a-f]+/, 'sig=00'))).status).toBe(403);
    expect((await fetch(body.presignedUrl.split('?')[0] ?? '')).status).toBe(403);
  });

  it('answers 400 without a file field or without multipart', async () => {
    const hub = await startHub();
    const form = new FormData();
    form.append('path', 'k/c');
    const res = await fetch(`${hub.httpUrl}/api/file-to-text`, { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ success: false, error: expect.stringContaining('file') });
    const plain = await fetch(`${hub.httpUrl}/api/file-to-text`, { method: 'POST', body: 'hello' });
    expect(plain.status).toBe(400);
  });

  it('answers 413 over the limit (file size, and Content-Length before reading)', async () => {
    const hub = await startHub({ maxUploadBytes: 1000 });
    const [status, body] = await upload(hub.httpUrl, new Blob([new Uint8Array(1001)]), 'big.bin');
    expect(status).toBe(413);
    expect(body).toEqual({ success: false, error: 'File too large: 1001 bytes (limit 1000 bytes)' });
    const [ok] = await upload(hub.httpUrl, new Blob([new Uint8Array(1000)]), 'fits.bin');
    expect(ok).toBe(200);

    const [declared, answer] = await upload(hub.httpUrl, new Blob([new Uint8Array(200_000)]), 'huge.bin');
    expect(declared).toBe(413);
    expect(answer.error).toMatch(/^File too large: \d+ bytes \(limit 1000 bytes\)$/);
  });

  it('cuts off a chunked upload without Content-Length once it passes the limit', async () => {
    const hub = await startHub({ maxUploadBytes: 1000 });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${hub.httpUrl}/api/file-to-text`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(16 * 1024, 97);
      let sent = 0;
      const pump = () => {
        while (sent < 2_000_000 && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!req.destroyed) req.end();
      };
      pump();
    });
    expect(status).toBe(413);
  });
});
