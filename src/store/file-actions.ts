/**
 * The composer's file actions: admit picked, dropped or pasted files (type and size checked before any byte
 * leaves the browser, with one clear inline error for the refusals), upload the accepted ones at once into the
 * conversation (starting it if need be), and remove one; and renew the links of files the hub stored.
 */
import { formatBytes } from '../i18n';
import type { FileLinks, Uploader } from '../upload';
import { admitFiles, releaseAttachment, uploadAttachment } from './attachments';
import type { ChatOptions } from './options';
import type { ChatState } from './state';
import type { Translate } from './store-deps';

const MAX_ATTACHMENTS = 5;
const REASON_KEY = {
  too_large: 'fileTooLarge',
  type: 'fileTypeNotSupported',
  too_many: 'tooManyFiles',
} as const;

export interface FileActionsContext {
  state: ChatState;
  options: ChatOptions;
  t: Translate;
  uploader: Uploader;
  /** Renews expired file-service links; absent when files are stored elsewhere (a host's own uploader). */
  fileLinks?: FileLinks | undefined;
  ensureConversation(): void;
}

export function createFileActions(ctx: FileActionsContext) {
  const { state, options, t, uploader, ensureConversation } = ctx;
  /** Uploads go into the conversation's storage path, so they wait for its id. */
  function whenConversation(): Promise<string> {
    return new Promise((resolve) => {
      const existing = state.conversationId.value;
      if (existing) return resolve(existing);
      const stop = state.conversationId.subscribe((id) => {
        if (id) {
          queueMicrotask(() => stop());
          resolve(id);
        }
      });
    });
  }

  return {
    /** A working link for a stored file whose link expired, or undefined when none can be had. */
    freshFileLink(fileKey: string): Promise<string | undefined> {
      return ctx.fileLinks?.fresh(fileKey) ?? Promise.resolve(undefined);
    },
    attachFiles(files: readonly File[]): void {
      const rules = { accept: options.accept, maxBytes: options.maxFileSize, maxFiles: MAX_ATTACHMENTS };
      const { accepted, rejected } = admitFiles(files, state.attachments.value.length, rules);
      state.composerError.value = rejected.length
        ? rejected
            .map((r) =>
              t(REASON_KEY[r.reason], {
                name: r.name,
                size: formatBytes(r.size),
                limit: formatBytes(options.maxFileSize),
                max: MAX_ATTACHMENTS,
              }),
            )
            .join(' ')
        : undefined;
      if (!accepted.length) return;
      state.attachments.value = [...state.attachments.value, ...accepted];
      ensureConversation();
      void whenConversation().then((conversationId) => {
        for (const attachment of accepted) {
          void uploadAttachment(attachment, uploader, conversationId, (name) =>
            t('fileUploadFailed', { name }),
          );
        }
      });
    },
    removeAttachment(id: string): void {
      const found = state.attachments.value.find((a) => a.id === id);
      if (found) releaseAttachment(found);
      state.attachments.value = state.attachments.value.filter((a) => a.id !== id);
    },
  };
}
