/**
 * The HTTP side's classification where only a browser can show it: CORS. A hub origin that refuses the
 * preflight never receives the event, and the browser reports only a TypeError: that must read as
 * "no HTTP side" (so `auto` may use the socket without sending the event twice); once the origin has
 * answered, a lost connection may have delivered the event and must read as "retry".
 * The module runs in Chromium as built by Vite from src/transport/http-side.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { build, type Rollup } from 'vite';

type Mode = 'no-cors' | 'cors' | 'cors-then-drop';

let bundle = '';
const hits: string[] = [];
let mode: Mode = 'cors';
let pageServer: Server;
let hubServer: Server;
let pageOrigin = '';
let hubOrigin = '';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function hub(req: IncomingMessage, res: ServerResponse): void {
  hits.push(req.method ?? '');
  const cors = {
    'access-control-allow-origin': pageOrigin,
    'access-control-allow-headers': 'x-api-key, content-type',
    'access-control-allow-methods': 'POST, GET',
  };
  if (req.method === 'OPTIONS') {
    res.writeHead(mode === 'no-cors' ? 403 : 204, mode === 'no-cors' ? {} : cors);
    res.end();
    return;
  }
  req.resume();
  req.on('end', () => {
    const posts = hits.filter((h) => h === 'POST').length;
    if (mode === 'cors-then-drop' && posts > 1) {
      res.socket?.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain', ...(mode === 'no-cors' ? {} : cors) });
    res.end('OK');
  });
}

test.beforeAll(async () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const out = (await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: 'src/transport/http-side.ts', formats: ['es'], fileName: 'http-side' },
    },
  })) as Rollup.RollupOutput[];
  bundle = out[0]!.output[0].code;
  pageServer = createServer((req, res) => {
    if (req.url === '/http-side.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(bundle);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><html lang="en"><head><title>HTTP side</title></head><body></body></html>');
  });
  hubServer = createServer(hub);
  pageOrigin = await listen(pageServer);
  hubOrigin = await listen(hubServer);
});

test.afterAll(async () => {
  for (const s of [pageServer, hubServer]) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

test.beforeEach(() => {
  hits.length = 0;
});

/** Sends `times` events through one HTTP side in the page; returns each outcome's kind and details. */
async function sendFromPage(page: Page, httpUrl: string, times: number) {
  await page.goto(pageOrigin);
  return page.evaluate(
    async ({ httpUrl, times }) => {
      const { createHttpSide } = await import(`${location.origin}/http-side.js`);
      const side = createHttpSide({ httpUrl, apiKey: 'K', timeoutMs: 5000 });
      const frame = {
        action: 'sendMessage',
        event: { event_type: 'user_message', event_payload: { conversation_id: 'c', content: 'hi' } },
      };
      const outcomes = [];
      for (let i = 0; i < times; i++) outcomes.push(await side.send(frame, 'sock-1'));
      return outcomes;
    },
    { httpUrl, times },
  );
}

test('a preflight the hub origin refuses: no HTTP side, and the event never reached it', async ({ page }) => {
  mode = 'no-cors';
  const [outcome] = await sendFromPage(page, hubOrigin, 1);
  expect(outcome).toMatchObject({ kind: 'no-http-side' });
  expect(hits).toEqual(['OPTIONS']);
});

test('an origin nobody listens on: no HTTP side', async ({ page }) => {
  const gone = createServer();
  const origin = await listen(gone);
  await new Promise((r) => gone.close(r));
  const [outcome] = await sendFromPage(page, origin, 1);
  expect(outcome).toMatchObject({ kind: 'no-http-side' });
});

test('after the origin has answered, a dropped connection may have delivered the event: retry', async ({
  page,
}) => {
  mode = 'cors-then-drop';
  const [first, second] = await sendFromPage(page, hubOrigin, 2);
  expect(first).toMatchObject({ kind: 'delivered', answer: { type: 'text', value: 'OK' } });
  expect(second).toMatchObject({ kind: 'retry', mayHaveArrived: true });
  // Chromium itself sends a request again when the reused connection it went on dies: the hub can see one
  // event more than once whatever the widget does, which is why events carry their `client_msg_id`.
  expect(hits.filter((h) => h === 'POST').length).toBeGreaterThanOrEqual(2);
});
