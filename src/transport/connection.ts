/**
 * One reconnecting socket to the hub. partysocket reconnects; this layer adds what the hub's protocol and a
 * chat UI need on top: readiness only on `socket_connected`, a handshake timeout, a status with a countdown,
 * a "gave up" state with a manual retry, immediate retries on `online` and on the tab becoming visible,
 * an application-level keepalive, and the 32 KB frame limit of the hub's gateway.
 *
 * partysocket's own send queue is disabled (`maxEnqueuedMessages: 0`): a frame buffered there would be
 * flushed on `open`, before the hub's handshake, and lost if the socket dies; the outbox owns retries instead.
 */
import ReconnectingWebSocket from 'partysocket/ws';
import {
  decode,
  frameByteLength,
  type InboundFrame,
  MAX_FRAME_BYTES,
  type OutboundFrame,
  type Rejection,
  serialize,
} from '../protocol';
import { createBackoff } from './backoff';
import type { NextTask } from './next-task';
import { buildSocketUrl } from './socket-url';

/** Frames longer than this are read in a task of their own (the gateway's events stay far below it). */
const LONG_FRAME_CHARS = 128 * 1024;

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'failed';

export interface ConnectionStatus {
  state: ConnectionState;
  /** With `reconnecting`: when the next attempt starts. */
  retryInMs?: number;
}

export type SendResult = 'sent' | 'not_ready' | 'too_large';

export interface ConnectionOptions {
  url: string;
  apiKey: string;
  onFrame: (frame: InboundFrame) => void;
  onStatus: (status: ConnectionStatus) => void;
  onReject?: (rejection: Rejection) => void;
  /** Called on every fresh `socket_connected`, before any queued frame is sent. */
  onReady: (socketId: string | undefined) => void;
  /** Builds a frame that keeps the gateway's idle timer from closing the socket, or null for none now. */
  keepaliveFrame?: () => OutboundFrame | null;
  keepaliveMs?: number;
  handshakeTimeoutMs?: number;
  maxRetries?: number;
  minDelayMs?: number;
  maxDelayMs?: number;
  WebSocket?: unknown;
  win?: Window;
  /** Waits for a later task, where a long frame is read (absent: every frame is read as it comes). */
  nextTask?: NextTask;
}

export interface Connection {
  send(frame: OutboundFrame): SendResult;
  /** Sends wire text already built and measured by the caller (the outbox). */
  sendText(text: string): 'sent' | 'not_ready';
  readonly status: ConnectionStatus;
  readonly ready: boolean;
  /** Starts over after `failed`, or retries at once while waiting. */
  retry(): void;
  close(): void;
}

export function createConnection(opts: ConnectionOptions): Connection {
  const win = opts.win ?? (typeof window === 'undefined' ? undefined : window);
  const backoff = createBackoff({ minMs: opts.minDelayMs ?? 1000, maxMs: opts.maxDelayMs ?? 30_000 });
  const maxRetries = opts.maxRetries ?? 12;
  let ready = false;
  let failedAttempts = 0;
  let status: ConnectionStatus = { state: 'connecting' };
  let handshakeTimer: ReturnType<typeof setTimeout> | undefined;
  let keepaliveTimer: ReturnType<typeof setInterval> | undefined;
  let closed = false;

  const socket = new ReconnectingWebSocket(() => buildSocketUrl(opts.url, opts.apiKey), undefined, {
    WebSocket: opts.WebSocket,
    maxEnqueuedMessages: 0,
    // Our backoff decides when to reconnect (jittered per attempt); partysocket only reopens on request.
    maxRetries: 0,
    startClosed: true,
    connectionTimeout: 8000,
  });

  function setStatus(next: ConnectionStatus): void {
    if (next.state === status.state && next.retryInMs === status.retryInMs) return;
    status = next;
    opts.onStatus(next);
  }

  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  function connectNow(): void {
    clearTimeout(reconnectTimer);
    if (closed) return;
    setStatus({ state: failedAttempts === 0 ? 'connecting' : 'reconnecting', retryInMs: 0 });
    socket.reconnect();
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer !== undefined) return;
    if (win && win.navigator?.onLine === false) {
      setStatus({ state: 'offline' });
      return;
    }
    if (failedAttempts >= maxRetries) {
      setStatus({ state: 'failed' });
      return;
    }
    const delay = backoff.delay(failedAttempts);
    failedAttempts++;
    setStatus({ state: 'reconnecting', retryInMs: delay });
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connectNow();
    }, delay);
  }

  function stopTimers(): void {
    clearTimeout(handshakeTimer);
    clearInterval(keepaliveTimer);
  }

  socket.addEventListener('open', () => {
    // The hub is usable only after `socket_connected`; a socket that opens but never says so is retried.
    handshakeTimer = setTimeout(
      () => socket.close(4000, 'handshake timeout'),
      opts.handshakeTimeoutMs ?? 10_000,
    );
  });

  /** Frames that came while a long one waits for its own task to be read; undefined while none waits. */
  let behind: unknown[] | undefined;
  function receive(data: unknown): void {
    if (behind) {
      behind.push(data);
      return;
    }
    if (typeof data !== 'string' || data.length <= LONG_FRAME_CHARS || !opts.nextTask) {
      handle(data);
      return;
    }
    // Receiving a long frame (a transcript of thousands of messages) costs its task a while already: it is
    // parsed in the next one and decoded in the one after, with the frames after it kept behind it.
    const queued: unknown[] = [];
    behind = queued;
    // `finally`: a handler that threw on the long frame is reported as any listener error is, and the frames
    // behind it still go on.
    void readLater(data, opts.nextTask).finally(() => {
      behind = undefined;
      if (!closed) for (const next of queued) receive(next);
    });
  }

  async function readLater(data: string, nextTask: NextTask): Promise<void> {
    await nextTask();
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      // Not JSON: the decoder says so.
      json = data;
    }
    await nextTask();
    if (!closed) handle(json);
  }

  socket.addEventListener('message', (event: MessageEvent) => receive(event.data));

  function handle(data: unknown): void {
    const result = decode(data);
    if (!result.ok) {
      opts.onReject?.(result.rejection);
      return;
    }
    const frame = result.frame;
    if (frame.type === 'socket_connected') {
      clearTimeout(handshakeTimer);
      ready = true;
      failedAttempts = 0;
      startKeepalive();
      setStatus({ state: 'connected' });
      opts.onReady(frame.socketId);
      return;
    }
    opts.onFrame(frame);
  }

  socket.addEventListener('close', () => {
    ready = false;
    stopTimers();
    if (closed) return;
    scheduleReconnect();
  });

  function startKeepalive(): void {
    clearInterval(keepaliveTimer);
    const every = opts.keepaliveMs ?? 5 * 60_000;
    if (!opts.keepaliveFrame || every <= 0) return;
    keepaliveTimer = setInterval(() => {
      const frame = opts.keepaliveFrame?.();
      if (frame) send(frame);
    }, every);
  }

  function sendText(text: string): 'sent' | 'not_ready' {
    if (!ready || socket.readyState !== socket.OPEN) return 'not_ready';
    socket.send(text);
    return 'sent';
  }

  function send(frame: OutboundFrame): SendResult {
    const text = serialize(frame);
    return frameByteLength(text) > MAX_FRAME_BYTES ? 'too_large' : sendText(text);
  }

  const onOnline = (): void => {
    if (!ready) connectNow();
  };
  const onOffline = (): void => {
    if (!ready) setStatus({ state: 'offline' });
  };
  const onVisible = (): void => {
    if (win?.document.visibilityState === 'visible' && !ready && status.state !== 'connecting') connectNow();
  };
  win?.addEventListener('online', onOnline);
  win?.addEventListener('offline', onOffline);
  win?.document.addEventListener('visibilitychange', onVisible);

  connectNow();

  return {
    send,
    sendText,
    get status() {
      return status;
    },
    get ready() {
      return ready;
    },
    retry() {
      failedAttempts = 0;
      connectNow();
    },
    close() {
      closed = true;
      clearTimeout(reconnectTimer);
      stopTimers();
      win?.removeEventListener('online', onOnline);
      win?.removeEventListener('offline', onOffline);
      win?.document.removeEventListener('visibilitychange', onVisible);
      socket.close(1000, 'closed by client');
    },
  };
}
