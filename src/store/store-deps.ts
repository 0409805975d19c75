/** What the store is built from: the parsed options and the services `embed/` provides. */
import type { StringKey } from '../i18n';
import type { NextTask, Session } from '../session';
import type { SafeStorage } from '../storage';
import type { FileLinks, Uploader } from '../upload';
import type { Emit } from './events';
import type { ChatOptions } from './options';

export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

export interface StoreDeps {
  options: ChatOptions;
  storage: SafeStorage;
  uploader: Uploader;
  /** Renews expired file-service links (absent with a host's own uploader). */
  fileLinks?: FileLinks;
  t: Translate;
  emit: Emit;
  /** How the store reaches the hub (chosen in `embed/`). */
  session: Session;
  now?: () => number;
  /**
   * Waits for a later task between slices of a long transcript (default: next-task.ts; undefined: applied
   * at once).
   */
  nextTask?: NextTask | undefined;
  /** Runs a batch of arrivals later (default: the next animation frame, or at once where there is none). */
  schedule?: (run: () => void) => void;
}
