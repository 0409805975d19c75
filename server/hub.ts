/**
 * createHub(): composes the local Captivate hub emulator on one port — HTTP (http-routes.ts) and the
 * WebSocket (ws `noServer`, upgraded here; refused with 503 while the control says so).
 */
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { createAgent } from './agent';
import { createControl, type HubControl } from './control';
import { newControlToken } from './control-guard';
import { createConversationStore } from './conversations';
import { createDispatch, socketReply } from './dispatch';
import { createHandlers } from './event-handlers';
import { createFaults } from './faults';
import { createFileStore } from './file-store';
import { createFlow } from './flow';
import { createFrameLog } from './frame-log';
import { createHttpHandler } from './http-routes';
import { createCloser, listen, refuseUpgrade, startSweeper } from './hub-server';
import {
  DEFAULT_HOST,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_CONNECTION_AGE_MS,
  DEFAULT_PORT,
  type HubOptions,
  MAX_FRAME_BYTES,
  resolveLimits,
} from './options';
import { createPersistence, type Persistence } from './persistence';
import { createRegistry } from './registry';
import { createResponder } from './responder';
import { initialRuntimeOptions } from './runtime-options';
import { createScheduler } from './scheduler';
import { createSocketHandler } from './socket-handler';

export type { HubOptions } from './options';

export interface Hub {
  port: number;
  /** `ws://127.0.0.1:PORT` (the host given, unless it is a wildcard address). */
  url: string;
  /** `http://127.0.0.1:PORT` */
  httpUrl: string;
  /** In-process control (no token needed). */
  control: HubControl;
  /** The token `/__control/` asks for (header `x-control-token`). */
  controlToken: string;
  close(): Promise<void>;
}

export async function createHub(options: HubOptions = {}): Promise<Hub> {
  const log = options.log ?? ((line: string) => console.log(line));
  const verboseLog = options.verbose ? log : null;
  const keys = options.keys && options.keys.length > 0 ? [...options.keys] : null;
  let runtime = initialRuntimeOptions(options);
  const getOptions = () => runtime;
  let httpUrl = '';
  let port = 0;
  const limits = resolveLimits(options);
  const controlToken = options.controlToken ?? newControlToken();

  let persistence: Persistence | null = null;
  const store = createConversationStore(() => persistence?.schedule(), limits);
  if (options.dataDir) {
    persistence = createPersistence(options.dataDir, () => store.all(), {
      onError: (e) => log(`hub emulator: saving failed: ${String(e)}`),
    });
    store.load(persistence.load());
  }
  const fileStore = createFileStore(options.dataDir, {
    maxTotalBytes: limits.maxTotalUploadBytes,
    ttlMs: limits.ttlMs,
  });
  const frameLog = createFrameLog();
  const faults = createFaults();
  const registry = createRegistry({
    envelope: () => runtime.envelope,
    maxFrameOut: () => runtime.maxFrameOut,
    log: verboseLog,
    warn: log,
  });
  const scheduler = createScheduler((e) => log(`hub emulator: reply failed: ${String(e)}`));
  const responder = createResponder({ store, registry, nestedErrors: () => runtime.nestedErrors });
  const random = options.random ?? Math.random;
  const agent = createAgent({ store, responder, scheduler, options: getOptions, random });
  const flow = createFlow({ store, responder, scheduler, agent, options: getOptions });
  const handlers = createHandlers({ store, registry, flow, options: getOptions, random });
  const dispatch = createDispatch({ registry, store, frameLog, handlers, log: verboseLog, warn: log });
  const control = createControl({
    store,
    registry,
    frameLog,
    faults,
    scheduler,
    getOptions,
    setOptions: (o) => (runtime = o),
  });

  const onConnection = createSocketHandler({
    registry,
    frameLog,
    faults,
    dispatch,
    reply: (client) => socketReply(client, registry, responder),
    acceptSends: () => runtime.acceptSends,
    keys,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    maxConnectionAgeMs: options.maxConnectionAgeMs ?? DEFAULT_MAX_CONNECTION_AGE_MS,
    fallbackBaseUrl: () => httpUrl,
    log: verboseLog,
    warn: log,
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, autoPong: false });
  wss.on('connection', onConnection);

  const server = createServer(
    createHttpHandler({
      store,
      control,
      controlGuard: { token: controlToken, port: () => port, origins: options.controlOrigins ?? [] },
      fileStore,
      keys,
      registry,
      responder,
      dispatch,
      faults,
      acceptSends: () => runtime.acceptSends,
      options: getOptions,
      random,
      maxUploadBytes: limits.maxUploadBytes,
      fallbackBaseUrl: () => httpUrl,
      warn: log,
    }),
  );
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (control.isRefusing()) return refuseUpgrade(socket);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  const host = options.host ?? DEFAULT_HOST;
  port = await listen(server, options.port ?? DEFAULT_PORT, host);
  const sweeper = startSweeper(limits.ttlMs, () => {
    for (const id of store.sweep()) registry.detachAll(id);
    void fileStore.sweep();
  });
  const shownHost = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  const hostPart = shownHost.includes(':') ? `[${shownHost}]` : shownHost;
  httpUrl = `http://${hostPart}:${port}`;

  const close = createCloser({
    server,
    wss,
    stop: () => {
      clearInterval(sweeper);
      scheduler.clear();
    },
    flush: async () => persistence?.flush(),
  });

  return { port, url: `ws://${hostPart}:${port}`, httpUrl, control, controlToken, close };
}
