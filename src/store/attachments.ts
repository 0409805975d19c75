/**
 * Files the visitor attached to the message being composed. Each is checked (type, size) before any byte
 * leaves the browser, then uploaded at once with progress; the message is sent only with finished uploads.
 */
import { type Signal, signal } from '@preact/signals';
import type { OutgoingFile } from '../protocol';
import type { FileCheck, FileLike, FileRules, Uploader } from '../upload';

export interface Attachment {
  id: string;
  name: string;
  size: number;
  type: string;
  /** 0..1 while uploading. */
  progress: Signal<number>;
  status: Signal<'uploading' | 'done' | 'error'>;
  error: Signal<string | undefined>;
  result?: OutgoingFile;
  /** An object URL for image previews, revoked when the attachment goes. */
  previewUrl?: string;
  abort: AbortController;
  file: File;
}

export interface AttachmentRules {
  accept: string;
  maxBytes: number;
  maxFiles: number;
}

export type Rejected = { name: string; size: number; reason: 'too_large' | 'type' | 'too_many' };

let seq = 0;

/** `validateFile` (upload/validate-file.ts), handed in: its chunk is fetched when the first file comes. */
export type ValidateFile = (file: FileLike, rules: FileRules) => FileCheck;

/** Splits picked files into accepted attachments and rejections, without uploading anything. */
export function admitFiles(
  files: readonly File[],
  current: number,
  rules: AttachmentRules,
  validateFile: ValidateFile,
): { accepted: Attachment[]; rejected: Rejected[] } {
  const accepted: Attachment[] = [];
  const rejected: Rejected[] = [];
  for (const file of files) {
    const check = validateFile(file, { accept: rules.accept, maxBytes: rules.maxBytes });
    if (!check.ok) {
      rejected.push({ name: file.name, size: file.size, reason: check.reason });
    } else if (current + accepted.length >= rules.maxFiles) {
      rejected.push({ name: file.name, size: file.size, reason: 'too_many' });
    } else {
      seq += 1;
      accepted.push({
        id: `att-${seq}`,
        name: file.name,
        size: file.size,
        type: file.type,
        progress: signal(0),
        status: signal('uploading'),
        error: signal(undefined),
        previewUrl:
          file.type.startsWith('image/') && typeof URL.createObjectURL === 'function'
            ? URL.createObjectURL(file)
            : undefined,
        abort: new AbortController(),
        file,
      });
    }
  }
  return { accepted, rejected };
}

/** Uploads one attachment, updating its signals; never rejects. */
export async function uploadAttachment(
  attachment: Attachment,
  uploader: Uploader,
  conversationId: string,
  failedText: (name: string, detail: string | undefined) => string,
): Promise<void> {
  try {
    attachment.result = await uploader(attachment.file, {
      conversationId,
      signal: attachment.abort.signal,
      onProgress: (fraction) => {
        attachment.progress.value = Math.max(0, Math.min(1, fraction));
      },
    });
    attachment.progress.value = 1;
    attachment.status.value = 'done';
  } catch (error) {
    if (attachment.abort.signal.aborted) return;
    attachment.status.value = 'error';
    attachment.error.value = failedText(attachment.name, error instanceof Error ? error.message : undefined);
  }
}

export function releaseAttachment(attachment: Attachment): void {
  attachment.abort.abort();
  if (attachment.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
}
