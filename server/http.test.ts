import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ASSET_NAMES, crc32, gradientPng, simplePdf } from './assets';
import { trackHubs } from './test-helpers';

const startHub = trackHubs();

describe('HTTP basics', () => {
  it('answers /healthz with ok and CORS/CORP headers on every response', async () => {
    const hub = await startHub();
    const res = await fetch(`${hub.httpUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    for (const path of ['/healthz', '/nope', '/assets/card-1.png', '/large-message/x']) {
      const r = await fetch(`${hub.httpUrl}${path}`);
      expect(r.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(r.headers.get('cross-origin-resource-policy'), path).toBe('cross-origin');
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    expect((await fetch(`${hub.httpUrl}/nope`)).status).toBe(404);
    expect((await fetch(`${hub.httpUrl}/healthz`, { method: 'DELETE' })).status).toBe(405);
  });

  it('answers OPTIONS preflights on every public route with 204, echoing the origin', async () => {
    const hub = await startHub();
    for (const path of ['/api/file-to-text', '/api/custom-channel/sockets/message', '/api/transcript']) {
      const res = await fetch(`${hub.httpUrl}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://site.example', 'Access-Control-Request-Headers': 'x-api-key' },
      });
      expect(res.status, path).toBe(204);
      expect(res.headers.get('access-control-allow-headers')).toBe('content-type, x-api-key');
      expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
      expect(res.headers.get('access-control-allow-origin')).toBe('https://site.example');
      expect(res.headers.get('vary')).toBe('Origin');
    }
  });

  it('serves every asset, and demo pages with a locked-down CSP', async () => {
    const hub = await startHub();
    for (const name of ASSET_NAMES) {
      const res = await fetch(`${hub.httpUrl}/assets/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type')).toBe(name.endsWith('.pdf') ? 'application/pdf' : 'image/png');
    }
    const page = await fetch(`${hub.httpUrl}/pages/contact`);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(await page.text()).toContain('<h1>Contact us</h1>');
    expect((await fetch(`${hub.httpUrl}/pages/toString`)).status).toBe(404);
    expect((await fetch(`${hub.httpUrl}/assets/constructor`)).status).toBe(404);
  });
});

describe('generated assets', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('builds a valid PNG: signature, chunk CRCs and pixel data', () => {
    const png = gradientPng(4, 3, [255, 0, 0], [0, 0, 255]);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    let offset = 8;
    const chunks: Record<string, Buffer> = {};
    while (offset < png.length) {
      const length = png.readUInt32BE(offset);
      const type = png.toString('ascii', offset + 4, offset + 8);
      const data = png.subarray(offset + 8, offset + 8 + length);
      expect(png.readUInt32BE(offset + 8 + length)).toBe(
        crc32(png.subarray(offset + 4, offset + 8 + length)),
      );
      chunks[type] = data;
      offset += 12 + length;
    }
    expect(Object.keys(chunks)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks.IHDR?.readUInt32BE(0)).toBe(4);
    expect(chunks.IHDR?.readUInt32BE(4)).toBe(3);
    const raw = inflateSync(chunks.IDAT ?? Buffer.alloc(0));
    expect(raw.length).toBe((4 * 3 + 1) * 3);
    expect([...raw.subarray(0, 4)]).toEqual([0, 255, 0, 0]);
    expect([...raw.subarray(raw.length - 3)]).toEqual([0, 0, 255]);
  });

  it('builds a PDF whose xref offsets point at its objects', () => {
    const pdf = simplePdf(['Title (with parens)', 'line']).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    for (const [i, o] of offsets.entries()) expect(pdf.slice(o, o + 7)).toBe(`${i + 1} 0 obj`);
    expect(pdf).toContain('(Title \\(with parens\\))');
  });
});
