/**
 * A static server for e2e: the built widget from `dist/` plus generated host pages that embed it the way a
 * customer would. Pages have no inline script or style, so the strict-CSP page can forbid both.
 *
 *   /page?cfg=<json of data-* attributes>&csp=strict|trusted-types&css=hostile&queue=1&lang=he&dir=rtl
 *   /frame-host?src=<iframe url>            a host page with the iframe embed
 *   /element?els=<json array of attribute maps>&script=<json of data-* attributes>
 *                                            `<captivate-chat>` elements (each with the hub's keys), then the
 *                                            loader's tag: without `script`, a tag with no data attributes
 *   /blank                                   a page without the widget (tests insert the tag themselves)
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const DIST = resolve(import.meta.dirname, '../../dist');
const STATIC = resolve(import.meta.dirname, 'static');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.map': 'application/json',
  '.json': 'application/json',
};

export interface Site {
  origin: string;
  /** The same server under another origin (`localhost` instead of `127.0.0.1`). */
  altOrigin: string;
  port: number;
  close(): Promise<void>;
}

export interface HubAddress {
  ws: string;
  http: string;
  /** data-* attributes every host page gets (before the page's own `cfg`), e.g. the send mode. */
  attrs?: Record<string, string>;
}

const escapeAttr = (v: string): string =>
  v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function hostPage(
  hub: HubAddress,
  params: URLSearchParams,
): { html: string; headers: Record<string, string> } {
  const cfg = JSON.parse(params.get('cfg') ?? '{}') as Record<string, string>;
  const attrs: Record<string, string> = {
    'api-key': 'e2e-key',
    url: hub.ws,
    'upload-url': `${hub.http}/api/file-to-text`,
    ...hub.attrs,
    ...cfg,
  };
  const attrText = Object.entries(attrs)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => ` data-${k}="${escapeAttr(String(v))}"`)
    .join('');
  const css = params.get('css') === 'hostile' ? '<link rel="stylesheet" href="/static/hostile.css">' : '';
  const queue = params.get('queue') ? '<script src="/static/queue-snippet.js"></script>' : '';
  const headers: Record<string, string> = {};
  if (params.get('csp') === 'trusted-types') {
    // The documented Trusted Types setup: scripts may only reach HTML sinks through the widget's policy.
    headers['Content-Security-Policy'] = "require-trusted-types-for 'script'; trusted-types captivate-chat";
  }
  if (params.get('csp') === 'strict') {
    headers['Content-Security-Policy'] = [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      `connect-src ${hub.ws} ${hub.http}`,
      `img-src 'self' ${hub.http}`,
    ].join('; ');
  }
  const lang = escapeAttr(params.get('lang') ?? 'en');
  const dir = params.get('dir') === 'rtl' ? ' dir="rtl"' : '';
  const html = `<!doctype html><html lang="${lang}"${dir}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"><title>Host page</title>${css}</head>
<body><h1>Host page</h1><p>Some content.</p><button id="host-button">Host button</button>${queue}
<script src="/captivate-chat.js" async${attrText}></script></body></html>`;
  return { html, headers };
}

function elementPage(hub: HubAddress, params: URLSearchParams): string {
  const hubKeys: Record<string, string> = {
    'api-key': 'e2e-key',
    url: hub.ws,
    'upload-url': `${hub.http}/api/file-to-text`,
    ...hub.attrs,
  };
  const attrText = (attrs: Record<string, string>, prefix = '') =>
    Object.entries(attrs)
      .map(([k, v]) => ` ${prefix}${k}="${escapeAttr(String(v))}"`)
      .join('');
  const els = JSON.parse(params.get('els') ?? '[{}]') as Record<string, string>[];
  const script = params.get('script');
  const scriptAttrs = script ? attrText({ ...hubKeys, ...JSON.parse(script) }, 'data-') : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Element page</title><link rel="icon" href="data:,"></head>
<body><h1>Element page</h1><button id="host-button">Host button</button>
${els.map((attrs) => `<captivate-chat${attrText({ ...hubKeys, ...attrs })}></captivate-chat>`).join('\n')}
<p>After the elements.</p><script src="/captivate-chat.js" async${scriptAttrs}></script></body></html>`;
}

function framePage(params: URLSearchParams): string {
  const src = params.get('src') ?? '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Iframe host</title>
<link rel="stylesheet" href="/static/frame-host.css"></head><body><h1>Iframe host</h1>
<iframe id="chat" title="Chat" src="${escapeAttr(src)}" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms"></iframe>
</body></html>`;
}

/** `dist`: the build to serve (default `dist/`; the size-check test serves a doctored copy). */
export async function startSite(hub: HubAddress, { dist = DIST }: { dist?: string } = {}): Promise<Site> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/page') {
      const { html, headers } = hostPage(hub, url.searchParams);
      res.writeHead(200, { 'content-type': TYPES['.html']!, ...headers });
      res.end(html);
      return;
    }
    if (url.pathname === '/blank') {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      res.end(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body><h1>Blank</h1></body></html>',
      );
      return;
    }
    if (url.pathname === '/element') {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      res.end(elementPage(hub, url.searchParams));
      return;
    }
    if (url.pathname === '/frame-host') {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      res.end(framePage(url.searchParams));
      return;
    }
    const root = url.pathname.startsWith('/static/') ? STATIC : dist;
    const rel = url.pathname.startsWith('/static/')
      ? url.pathname.slice('/static/'.length)
      : url.pathname.slice(1);
    const file = normalize(join(root, rel || 'index.html'));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    altOrigin: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
