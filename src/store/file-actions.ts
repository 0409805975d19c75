/**
 * The composer's file actions: admit picked, dropped or pasted files (type and size checked before any byte
 * leaves the browser, with one clear inline error for the refusals), upload the accepted ones at once into the
 * conversation (starting it if need be), and remove one; and renew the links of files the hub stored.
 * The file checks are a chunk of their own (as is the uploader, embed/lazy-files.ts), fetched when the visitor
 * reaches for a file, which most never do: `prepareAttachments` starts that fetch when the file picker opens
 * or files are dragged over the panel.
 */
import { formatBytes } from '../i18n';
import { loadOnce } from '../lazy/load-once';
import type { FileLinks, Uploader } from '../upload';
import { admitFiles, releaseAttachment, uploadAttachment, type ValidateFile } from './attachments';
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

const loadFileChecks = loadOnce(() => import('../upload/validate-file'));

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

  function attach(files: readonly File[], validateFile: ValidateFile): void {
    const rules = { accept: options.accept, maxBytes: options.maxFileSize, maxFiles: MAX_ATTACHMENTS };
    const { accepted, rejected } = admitFiles(files, state.attachments.value.length, rules, validateFile);
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
  }

  return {
    /** A working link for a stored file whose link expired, or undefined when none can be had. */
    freshFileLink(fileKey: string): Promise<string | undefined> {
      return ctx.fileLinks?.fresh(fileKey) ?? Promise.resolve(undefined);
    },
    /** Fetches the file checks ahead of the files (a failed fetch is tried again by `attachFiles`). */
    prepareAttachments(): void {
      loadFileChecks().catch(() => {});
    },
    attachFiles(files: readonly File[]): void {
      loadFileChecks().then(
        (checks) => attach(files, checks.validateFile),
        // Offline before the chunk arrived: the visitor picks the files again once the page can reach us.
        () => {
          state.composerError.value = files
            .map((file) => t('fileUploadFailed', { name: file.name }))
            .join(' ');
        },
      );
    },
    removeAttachment(id: string): void {
      const found = state.attachments.value.find((a) => a.id === id);
      if (found) releaseAttachment(found);
      state.attachments.value = state.attachments.value.filter((a) => a.id !== id);
    },
  };
}
