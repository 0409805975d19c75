/**
 * Who may use `/__control/`: only a program on this machine that knows the run's token. A web page the
 * developer visits cannot: the answers carry no CORS, so it cannot read them or send JSON; a `text/plain`
 * POST (no preflight) is refused for its content type; a page reached by DNS rebinding sends a foreign
 * `Host`; another site's `Origin` is refused even with the token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isLoopback } from './http-util';

export const CONTROL_TOKEN_HEADER = 'x-control-token';

export const newControlToken = (): string => randomBytes(24).toString('base64url');

export interface ControlGuardOptions {
  token: string;
  /** The hub's port (known once it listens). */
  port: () => number;
  /** Origins besides the hub's own that may call (e.g. the dev server of the protocol console). */
  origins: readonly string[];
}

export interface Refusal {
  status: number;
  error: string;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

function presentedToken(req: IncomingMessage): string {
  const header = req.headers[CONTROL_TOKEN_HEADER];
  if (typeof header === 'string') return header;
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  return bearer?.[1] ?? '';
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Null when the request may use the control interface, else why not. */
export function checkControlRequest(req: IncomingMessage, options: ControlGuardOptions): Refusal | null {
  if (!isLoopback(req.socket.remoteAddress))
    return { status: 403, error: 'control interface is loopback-only' };
  const hosts = LOOPBACK_NAMES.map((name) => `${name}:${options.port()}`);
  if (!hosts.includes(req.headers.host ?? '')) return { status: 403, error: 'Host is not a loopback name' };
  const origin = req.headers.origin;
  if (
    origin !== undefined &&
    !hosts.some((h) => origin === `http://${h}`) &&
    !options.origins.includes(origin)
  )
    return { status: 403, error: `Origin ${origin} may not use the control interface` };
  if (!sameSecret(presentedToken(req), options.token))
    return { status: 401, error: `send the control token (printed at start) in ${CONTROL_TOKEN_HEADER}` };
  if (req.method !== 'GET' && !/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    return { status: 415, error: 'control requests must be Content-Type: application/json' };
  return null;
}
