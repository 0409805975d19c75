/**
 * Keeps the conversation store on disk (`--data DIR`) as one JSON file, so a restart loses nothing.
 * Saves are debounced and atomic (temp file + rename); `flush()` writes at once (called on close). The
 * folder is private to the user (0700) and every file in it too (0600).
 */
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Conversation } from './conversations';

const FILE_NAME = 'conversations.json';
const VERSION = 1;

export interface Persistence {
  /** Reads the saved conversations (none when the file does not exist yet). */
  load(): Conversation[];
  /** Saves soon (debounced). */
  schedule(): void;
  /** Saves now if anything changed; resolves when the file is written. */
  flush(): Promise<void>;
}

/** Creates `dir` (and its parents) if needed, and makes it private to the user. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Writes `data` to `file` atomically (a temp file in the same directory, then rename), readable by the user only. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temp, data, { mode: 0o600 });
  await rename(temp, file);
}

export function createPersistence(
  dir: string,
  snapshot: () => Conversation[],
  options: { debounceMs?: number; onError?: (error: unknown) => void } = {},
): Persistence {
  ensurePrivateDir(dir);
  const file = path.join(dir, FILE_NAME);
  const debounceMs = options.debounceMs ?? 100;
  let timer: NodeJS.Timeout | null = null;
  let dirty = false;
  let writing: Promise<void> = Promise.resolve();

  const write = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!dirty) return writing;
    dirty = false;
    const body = JSON.stringify({
      version: VERSION,
      savedAt: new Date().toISOString(),
      conversations: snapshot(),
    });
    writing = writing.then(() => writeFileAtomic(file, body)).catch((error) => options.onError?.(error));
    return writing;
  };

  return {
    load() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const parsed = JSON.parse(text) as { version?: number; conversations?: Conversation[] };
      if (parsed.version !== VERSION || !Array.isArray(parsed.conversations)) {
        throw new Error(`${file}: not a hub emulator data file (version ${VERSION})`);
      }
      return parsed.conversations;
    },
    schedule() {
      dirty = true;
      if (!timer) timer = setTimeout(write, debounceMs);
    },
    flush: write,
  };
}
