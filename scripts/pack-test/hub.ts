/** The packed `captivate-hub` bin, started with `npx` in the consumer project (so it runs as shipped, without tsx). */
import { type ChildProcess, spawn } from 'node:child_process';

export interface PackedHub {
  /** The socket URL, `ws://127.0.0.1:PORT`. */
  url: string;
  /** A control API call (`/__control/<route>`): a GET without a body, else a POST. */
  control(route: string, body?: unknown): Promise<unknown>;
  stop(): void;
}

/** Starts `npx captivate-hub --port 0` in `cwd` and resolves once it printed its URL and control token. */
export function startHub(cwd: string): Promise<PackedHub> {
  const child: ChildProcess = spawn('npx', ['--no-install', 'captivate-hub', '--port', '0'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: npx runs the hub in a child, and both must stop
  });
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`captivate-hub did not start:\n${output}`));
    }, 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (ws:\/\/\S+)/.exec(output)?.[1];
      const token = /Control token: (\S+)/.exec(output)?.[1];
      if (!url || !token) return;
      clearTimeout(timer);
      const httpOrigin = url.replace(/^ws/, 'http');
      resolve({
        url,
        control: (route, body) => control(`${httpOrigin}/__control/${route}`, token, body),
        stop,
      });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`captivate-hub exited with ${code}:\n${output}`)));
  });
}

async function control(url: string, token: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'x-control-token': token, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}
