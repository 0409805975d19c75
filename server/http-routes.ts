/**
 * The HTTP side of the hub's one port. Every answer carries CORP `cross-origin` and nosniff, and every
 * answer but the control interface's carries CORS (the caller's origin echoed); OPTIONS preflights get
 * 204. Routes: `/healthz`, `/assets/<name>`, `/pages/<name>`, `POST /api/custom-channel/sockets/message`,
 * `GET /api/transcript`, `POST /api/file-to-text`, `/files/<key>?expires=&sig=`, `/large-message/<id>`
 * (needs an accepted `x-api-key`) and `/__control/*` (control-http.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getAsset } from './assets';
import type { HubControl } from './control';
import type { ControlGuardOptions } from './control-guard';
import { handleControl } from './control-http';
import type { ConversationStore } from './conversations';
import type { FileStore } from './file-store';
import { type HttpApiDeps, handlePresignedUrl, handleRestTranscript } from './http-api';
import { type HttpSendDeps, handleHttpSend, requireKey } from './http-send';
import { baseUrlOf, sendJson, sendText, setCommonHeaders } from './http-util';
import { isKeyAccepted } from './options';
import { getPage, PAGE_HEADERS } from './pages';
import { handleUpload } from './uploads';

export interface HttpDeps extends HttpSendDeps, HttpApiDeps {
  store: ConversationStore;
  control: HubControl;
  controlGuard: ControlGuardOptions;
  fileStore: FileStore;
  keys: readonly string[] | null;
  maxUploadBytes: number;
  fallbackBaseUrl: () => string;
  warn: (line: string) => void;
}

const RASTER_IMAGES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
]);

function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

async function serveFile(deps: HttpDeps, res: ServerResponse, url: URL) {
  let key: string;
  try {
    key = url.pathname.slice('/files/'.length).split('/').map(decodeURIComponent).join('/');
  } catch {
    return sendJson(res, 400, { error: 'bad file key' });
  }
  if (!deps.fileStore.verify(key, url.searchParams.get('expires'), url.searchParams.get('sig'))) {
    return sendJson(res, 403, { error: 'invalid or expired signature' });
  }
  const file = await deps.fileStore.get(key);
  if (!file) return sendJson(res, 404, { error: 'no such file' });
  const inline = RASTER_IMAGES.has(file.type);
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': String(file.bytes.length),
    ...(inline ? {} : { 'Content-Disposition': contentDisposition(file.name) }),
  });
  res.end(file.bytes);
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

function serveLargeMessage(deps: HttpDeps, req: IncomingMessage, res: ServerResponse, id: string) {
  const key = req.headers['x-api-key'];
  if (typeof key !== 'string' || !isKeyAccepted(deps.keys, key)) {
    return sendJson(res, 401, { error: 'Unauthorized: send an accepted API key in x-api-key' });
  }
  const found = deps.store.findMessage(id);
  if (!found) return sendJson(res, 404, { error: 'no such message' });
  sendJson(res, 200, { botMessage: { content: found.message.parts } });
}

export function createHttpHandler(deps: HttpDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    const { pathname } = url;
    const method = req.method ?? 'GET';
    const isControl = pathname.startsWith('/__control/');
    setCommonHeaders(res, req, !isControl);
    if (isControl) return handleControl(deps.control, deps.controlGuard, req, res, url);
    if (method === 'OPTIONS') return void res.writeHead(204).end();
    if (method === 'POST' && pathname === '/api/custom-channel/sockets/message')
      return handleHttpSend(req, res, deps);
    if (method === 'GET' && pathname === '/api/transcript') return handleRestTranscript(req, res, url, deps);
    const baseUrl = baseUrlOf(req, deps.fallbackBaseUrl());
    const ttlS = deps.options().fileUrlTtlS;
    if (method === 'POST' && pathname === '/api/file-to-text') {
      if (deps.keys && !requireKey(deps.keys, req, res)) return req.resume();
      return handleUpload(req, res, {
        fileStore: deps.fileStore,
        maxBytes: deps.maxUploadBytes,
        baseUrl,
        ttlS,
      });
    }
    if (method === 'POST' && pathname === '/api/presigned-url') {
      return handlePresignedUrl(req, res, { fileStore: deps.fileStore, keys: deps.keys, ttlS, baseUrl });
    }
    if (method !== 'GET' && method !== 'HEAD')
      return sendJson(res, 405, { error: `${method} not allowed here` });
    if (pathname === '/healthz') return sendText(res, 200, 'ok');
    if (pathname === '/')
      return sendText(res, 200, 'Captivate hub emulator. Connect a WebSocket here with ?apiKey=KEY.');
    if (pathname.startsWith('/files/')) return serveFile(deps, res, url);
    const [, section, name = ''] = pathname.split('/');
    if (section === 'large-message') return serveLargeMessage(deps, req, res, safeDecode(name));
    if (section === 'assets') {
      const asset = getAsset(name);
      if (asset) {
        res.writeHead(200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=3600' });
        return void res.end(asset.bytes);
      }
    }
    const page = section === 'pages' ? getPage(name) : undefined;
    if (page) return void res.writeHead(200, PAGE_HEADERS).end(page);
    sendJson(res, 404, { error: `not found: ${pathname}` });
  };

  return (req, res) => {
    route(req, res).catch((error: unknown) => {
      deps.warn(`HTTP ${req.method} ${req.url} failed: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  };
}
