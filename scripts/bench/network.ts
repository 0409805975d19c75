/**
 * The throttled network profile: 100 ms round trip, 10 Mbit/s down and up.
 *
 * HTTP (the host page, the widget's JS and CSS, the hub's REST side) is throttled by Chromium through CDP
 * (`Network.emulateNetworkConditionsByRule`, matched on `http://` URLs). Chromium's network emulation does not
 * model the WebSocket: measured on Chromium 156, a frame's round trip stays at loopback speed (1–5 ms after
 * the handshake) and a 1.25 MB frame took 3.3 s instead of 1 s. So the socket is excluded from the CDP rule and
 * goes through `startSocketDelay` instead, a proxy in the bench process that holds each frame for the same
 * latency and bandwidth (and the handshake for one round trip).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { CDPSession } from 'playwright-core';
import { type RawData, WebSocket, WebSocketServer } from 'ws';

export interface NetworkProfile {
  /** Round trip added to each request (and the socket's handshake), ms; half of it to each frame. */
  latencyMs: number;
  /** Bits per second, each direction. */
  bitsPerSecond: number;
}

export const THROTTLED: NetworkProfile = { latencyMs: 100, bitsPerSecond: 10_000_000 };

/** Throttles the page's HTTP requests (not its WebSocket, see startSocketDelay) to `profile`. */
export async function throttleHttp(cdp: CDPSession, profile: NetworkProfile): Promise<void> {
  const bytesPerSecond = profile.bitsPerSecond / 8;
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditionsByRule', {
    offline: false,
    matchedNetworkConditions: [
      {
        urlPattern: 'http://*:*/*',
        latency: profile.latencyMs,
        downloadThroughput: bytesPerSecond,
        uploadThroughput: bytesPerSecond,
      },
    ],
  });
}

/**
 * One direction of a link: frames leave one after another at `bitsPerSecond` and arrive `oneWayMs` later.
 * Returns when a frame of `bytes` sent at `now` arrives (ms, in `now`'s clock); arrivals keep the send order.
 */
export function createLink(oneWayMs: number, bitsPerSecond: number): (bytes: number, now: number) => number {
  let freeAt = Number.NEGATIVE_INFINITY;
  return (bytes, now) => {
    freeAt = Math.max(now, freeAt) + (bytes * 8 * 1000) / bitsPerSecond;
    return freeAt + oneWayMs;
  };
}

/**
 * One direction of the proxy: each delivery (a frame, or the close after the frames before it) runs at its
 * arrival time over the link, in the order given.
 */
function delayedDirection(profile: NetworkProfile): (bytes: number, deliver: () => void) => void {
  const arrival = createLink(profile.latencyMs / 2, profile.bitsPerSecond);
  const queue: { at: number; deliver: () => void }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wake = () => {
    timer = queue.length ? setTimeout(drain, queue[0]!.at - performance.now()) : undefined;
  };
  const drain = () => {
    while (queue.length && queue[0]!.at <= performance.now()) queue.shift()!.deliver();
    wake();
  };
  return (bytes, deliver) => {
    queue.push({ at: arrival(bytes, performance.now()), deliver });
    if (timer === undefined) wake();
  };
}

const byteLength = (data: RawData): number =>
  Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;

/** A close code that may be sent on (1005, 1006 and 1015 are only ever reported, never sent). */
const sendableCode = (code: number): number =>
  code === 1000 || (code >= 1001 && code <= 1014 && code !== 1005 && code !== 1006) || code >= 3000
    ? code
    : 1011;

export interface SocketDelay {
  /** ws:// URL to give the widget instead of the hub's. */
  url: string;
  close(): Promise<void>;
}

/**
 * A WebSocket proxy in front of `target` (the hub) that delays the handshake by one round trip and every
 * frame, both ways, by half of it plus its time on a link of `profile.bitsPerSecond`.
 */
export async function startSocketDelay(target: string, profile: NetworkProfile): Promise<SocketDelay> {
  const server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true, maxPayload: 0 });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    setTimeout(
      () => wss.handleUpgrade(req, socket, head, (client) => pipe(client, req, target, profile)),
      profile.latencyMs,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Joins an accepted client to a new socket on the hub; frames sent before the hub answers wait for it. */
function pipe(client: WebSocket, req: IncomingMessage, target: string, profile: NetworkProfile): void {
  const hub = new WebSocket(new URL(req.url ?? '/', target), {
    maxPayload: 0,
    ...(req.headers.origin ? { origin: req.headers.origin } : {}),
  });
  const toClient = delayedDirection(profile);
  const toHub = delayedDirection(profile);
  const sendToHub = (data: RawData, binary: boolean) => {
    if (hub.readyState === WebSocket.OPEN) hub.send(data, { binary });
    else if (hub.readyState === WebSocket.CONNECTING) hub.once('open', () => hub.send(data, { binary }));
  };
  hub.on('message', (data, binary) =>
    toClient(byteLength(data), () => {
      if (client.readyState === WebSocket.OPEN) client.send(data, { binary });
    }),
  );
  client.on('message', (data, binary) => toHub(byteLength(data), () => sendToHub(data, binary)));
  // A close travels like a frame: it arrives after the frames sent before it.
  hub.on('close', (code) => toClient(0, () => client.close(sendableCode(code))));
  client.on('close', () => toHub(0, () => hub.terminate()));
  hub.on('error', () => client.terminate());
  client.on('error', () => hub.terminate());
}

export interface FetchedBytes {
  /** Encoded (on the wire) bytes of the scripts and stylesheets. */
  jsCss: number;
  /** Encoded bytes of every HTTP response (the page, JS, CSS, anything fetched). */
  http: number;
  /** Payload bytes of the WebSocket frames received (the transcript travels there). */
  socket: number;
}

/** Counts what the page fetches from now on (CDP Network events), until `read` is called. */
export async function countFetched(cdp: CDPSession): Promise<{ read(): FetchedBytes }> {
  const types = new Map<string, string>();
  const bytes: FetchedBytes = { jsCss: 0, http: 0, socket: 0 };
  await cdp.send('Network.enable');
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    bytes.http += e.encodedDataLength;
    const type = types.get(e.requestId);
    if (type === 'Script' || type === 'Stylesheet') bytes.jsCss += e.encodedDataLength;
  });
  cdp.on('Network.webSocketFrameReceived', (e) => {
    const { opcode, payloadData } = e.response;
    // Text frames carry their payload as text, binary ones as base64.
    bytes.socket += opcode === 1 ? Buffer.byteLength(payloadData) : Buffer.from(payloadData, 'base64').length;
  });
  return { read: () => ({ ...bytes }) };
}
