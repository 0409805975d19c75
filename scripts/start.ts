/**
 * `npm start`: the hub emulator and the Vite dev server together, for the demo page and the protocol
 * console. No account needed: the demo page points the widget at the emulator.
 *   npm start -- --hub-port 8787 --port 5173
 */
import { parseArgs } from 'node:util';
import { startDemoServers } from './demo-servers';

const { values } = parseArgs({
  options: {
    'hub-port': { type: 'string', default: '8787' },
    port: { type: 'string', default: '5173' },
    verbose: { type: 'boolean', default: false },
  },
});

const servers = await startDemoServers({
  port: Number(values.port),
  hub: { port: Number(values['hub-port']), verbose: values.verbose },
});
const { hub, base } = servers;

console.log(`\nHub emulator:     ${hub.url}`);
console.log(`Control token:    ${hub.controlToken}   (header x-control-token on ${hub.httpUrl}/__control/)`);
console.log(`Demo page:        ${base}`);
console.log(`Iframe embed:     ${base}demo/iframe.html`);
console.log(`Protocol console: ${base}console.html\n`);

async function stop(): Promise<void> {
  await servers.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
