/**
 * `npm start`: the hub emulator and the Vite dev server together, for the demo page and the protocol
 * console. No account needed: the demo page points the widget at the emulator.
 *   npm start -- --hub-port 8787 --port 5173
 */
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { createHub } from '../server/hub';

const { values } = parseArgs({
  options: {
    'hub-port': { type: 'string', default: '8787' },
    port: { type: 'string', default: '5173' },
    verbose: { type: 'boolean', default: false },
  },
});

const devOrigins = [`http://127.0.0.1:${values.port}`, `http://localhost:${values.port}`];
const hub = await createHub({
  port: Number(values['hub-port']),
  verbose: values.verbose,
  controlOrigins: devOrigins,
});
// The demo pages read the hub's address from these (see .env); the actual port wins over the default.
process.env.VITE_HUB_WS = hub.url;
process.env.VITE_HUB_HTTP = hub.httpUrl;
// The protocol console changes the emulator's options through this dev server (same origin, no CORS).
process.env.VITE_HUB_CONTROL_TOKEN = hub.controlToken;
const vite = await createServer({
  server: {
    host: '127.0.0.1',
    port: Number(values.port),
    strictPort: true,
    proxy: { '/__control/': { target: hub.httpUrl, changeOrigin: true } },
  },
});
await vite.listen();
const base = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${values.port}/`;

console.log(`\nHub emulator:     ${hub.url}`);
console.log(`Control token:    ${hub.controlToken}   (header x-control-token on ${hub.httpUrl}/__control/)`);
console.log(`Demo page:        ${base}`);
console.log(`Iframe embed:     ${base}demo/iframe.html`);
console.log(`Protocol console: ${base}console.html\n`);

async function stop(): Promise<void> {
  await vite.close();
  await hub.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
