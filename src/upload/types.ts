/**
 * The contract between the store and any upload adapter (ours or a host's), and the one error type
 * adapters reject with, so the UI can tell "retry may help" (network, timeout, 5xx) from "it will not".
 */
import type { OutgoingFile } from '../protocol/model';

export interface UploadContext {
  conversationId: string;
  /** 0..1 as bytes go out; not called when the browser cannot compute the total. */
  onProgress: (fraction: number) => void;
  /** Aborting (the user removed the file, the widget closed) cancels the request. */
  signal: AbortSignal;
}

/** Uploads one file and returns it in the shape a `user_message` carries (docs/protocol.md §4). */
export type Uploader = (file: File, ctx: UploadContext) => Promise<OutgoingFile>;

export type UploadErrorCode = 'http' | 'network' | 'timeout' | 'aborted' | 'malformed';

export class UploadError extends Error {
  override readonly name = 'UploadError';
  /** The HTTP status, or 0 when no response arrived (network, timeout, abort). */
  readonly status: number;
  readonly code: UploadErrorCode;

  /** `message` is the server's own `error` text when it sent one; it may be shown to the user. */
  constructor(code: UploadErrorCode, message: string, status = 0) {
    super(message);
    this.code = code;
    this.status = status;
  }
}
