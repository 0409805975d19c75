/**
 * A hand-written XMLHttpRequest stand-in for the upload tests: records what was sent and lets a test
 * play the server (progress, response, network error, timeout). Only the members postMultipart uses.
 */

type ProgressHandler = (event: { lengthComputable: boolean; loaded: number; total: number }) => void;

export class FakeXhr {
  static instances: FakeXhr[] = [];

  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  timeout = 0;
  status = 0;
  responseText = '';
  aborted = false;
  /** Make open() throw, as browsers do for a malformed URL. */
  static failOpen = false;
  upload: { onprogress: ProgressHandler | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXhr.instances.push(this);
  }
  open(method: string, url: string): void {
    if (FakeXhr.failOpen) throw new DOMException('Invalid URL', 'SyntaxError');
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  send(body: unknown): void {
    this.body = body;
  }
  abort(): void {
    this.aborted = true;
    this.onabort?.();
  }

  // Test controls, playing the network and the server.
  progress(loaded: number, total: number, lengthComputable = true): void {
    this.upload.onprogress?.({ lengthComputable, loaded, total });
  }
  respond(status: number, body: unknown): void {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
  fail(): void {
    this.onerror?.();
  }
  expire(): void {
    this.ontimeout?.();
  }

  /** The form fields sent, files as their names. */
  fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of this.body as FormData)
      out[key] = typeof value === 'string' ? value : value.name;
    return out;
  }

  static reset(): void {
    FakeXhr.instances = [];
    FakeXhr.failOpen = false;
  }
  static get last(): FakeXhr {
    const xhr = FakeXhr.instances.at(-1);
    if (!xhr) throw new Error('no XHR was created');
    return xhr;
  }
}

/** The fake as the constructor type the uploaders accept. */
export const fakeXhr = FakeXhr as unknown as typeof XMLHttpRequest;
