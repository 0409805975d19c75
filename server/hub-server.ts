/**
 * The hub's one port, below the protocol: listening, refusing upgrades while the control says so, a
 * periodic sweep of expired state, and an orderly close (sockets told first, then cut, then the server).
 */
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';

export function refuseUpgrade(socket: Duplex): void {
  const body = 'Service Unavailable (refused by the hub emulator control)';
  socket.end(
    `HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Type: text/plain\r\nRetry-After: 1\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
  );
}

/** Listens and resolves with the port (the one picked when `port` is 0). */
export async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** Sweeps expired conversations and uploads a few times per TTL (at most once a minute). */
export function startSweeper(ttlMs: number, sweep: () => void): NodeJS.Timeout | undefined {
  if (ttlMs <= 0) return undefined;
  const timer = setInterval(sweep, Math.max(1000, Math.min(60_000, ttlMs / 4)));
  timer.unref();
  return timer;
}

/** close(), once: `stop` first (timers), sockets closed (cut after 250 ms), the server, then `flush`. */
export function createCloser(parts: {
  server: Server;
  wss: WebSocketServer;
  stop: () => void;
  flush: () => Promise<void>;
}): () => Promise<void> {
  const { server, wss } = parts;
  let closing: Promise<void> | null = null;
  return () => {
    closing ??= (async () => {
      parts.stop();
      const open = [...wss.clients];
      const closed = Promise.all(open.map((ws) => new Promise((resolve) => ws.once('close', resolve))));
      for (const ws of open) ws.close(1001, 'Server shutting down');
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 250))]);
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await parts.flush();
    })();
    return closing;
  };
}
