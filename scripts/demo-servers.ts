/**
 * The hub emulator and the Vite dev server as `npm start` runs them (the e2e demo test starts them the
 * same way): the demo pages read the hub's address from the environment, and the protocol console changes
 * the emulator's options through the dev server, which forwards `/__control/` (same origin, so no CORS)
 * and is the one other origin the emulator's control accepts.
 */
import { createServer, type LogLevel, type ViteDevServer } from 'vite';
import { createHub, type Hub, type HubOptions } from '../server/hub';

export interface DemoServers {
  hub: Hub;
  vite: ViteDevServer;
  /** The dev server's address, ending in `/`. */
  base: string;
  close(): Promise<void>;
}

export async function startDemoServers(options: {
  port: number;
  hub?: HubOptions;
  logLevel?: LogLevel;
}): Promise<DemoServers> {
  const devOrigins = [`http://127.0.0.1:${options.port}`, `http://localhost:${options.port}`];
  const hub = await createHub({ ...options.hub, controlOrigins: devOrigins });
  process.env.VITE_HUB_WS = hub.url;
  process.env.VITE_HUB_HTTP = hub.httpUrl;
  process.env.VITE_HUB_CONTROL_TOKEN = hub.controlToken;
  const vite = await createServer({
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    server: {
      host: '127.0.0.1',
      port: options.port,
      strictPort: true,
      proxy: { '/__control/': { target: hub.httpUrl, changeOrigin: true } },
    },
  });
  await vite.listen();
  const base = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${options.port}/`;
  return {
    hub,
    vite,
    base,
    async close() {
      await vite.close();
      await hub.close();
    },
  };
}
