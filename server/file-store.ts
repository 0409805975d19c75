/**
 * Uploaded files: kept in memory, or under `<data>/files/` (named by a hash of the key, so keys never
 * touch paths), and served back through signed, expiring "presigned" URLs (`/files/<key>?expires=&sig=`).
 * With a data directory the signing secret is kept there too, so URLs survive a restart. Bounded: `put`
 * refuses a file that would take the total past `maxTotalBytes`, and files older than `ttlMs` are swept.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ensurePrivateDir, writeFileAtomic } from './persistence';

export interface StoredFile {
  key: string;
  name: string;
  type: string;
  size: number;
  bytes: Buffer;
}

export interface FileStore {
  /** False when the store is full (the file is not kept). */
  put(file: StoredFile): Promise<boolean>;
  get(key: string): Promise<StoredFile | undefined>;
  /** `{url, expiresIn}` for `ttlS` seconds: `expiresIn` is the expiry in epoch seconds, as the vendor's service sends. */
  presign(baseUrl: string, key: string, ttlS: number): { url: string; expiresIn: number };
  verify(key: string, expires: string | null, sig: string | null): boolean;
  /** Forgets files older than the TTL. */
  sweep(now?: number): Promise<void>;
  totalBytes(): number;
}

export interface FileLimits {
  maxTotalBytes: number;
  /** 0 keeps files for ever. */
  ttlMs: number;
}

function loadSecret(dataDir: string | undefined): Buffer {
  if (!dataDir) return randomBytes(32);
  const file = path.join(dataDir, 'secret.key');
  try {
    return readFileSync(file);
  } catch {
    const secret = randomBytes(32);
    ensurePrivateDir(dataDir);
    writeFileSync(`${file}.tmp`, secret, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    return secret;
  }
}

/** What is on disk: key → size and time, from the `.json` sidecars. */
function readIndex(dir: string): Map<string, { size: number; at: number }> {
  const index = new Map<string, { size: number; at: number }>();
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    try {
      const meta = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as {
        key: string;
        size: number;
        at?: number;
      };
      index.set(meta.key, { size: meta.size, at: meta.at ?? Date.now() });
    } catch {
      // a half-written sidecar: the file is not served
    }
  }
  return index;
}

export const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/');

export function createFileStore(dataDir: string | undefined, limits: FileLimits): FileStore {
  const secret = loadSecret(dataDir);
  const memory = new Map<string, StoredFile>();
  const dir = dataDir ? path.join(dataDir, 'files') : null;
  if (dir) ensurePrivateDir(dir);
  const index = dir ? readIndex(dir) : new Map<string, { size: number; at: number }>();
  let total = 0;
  for (const entry of index.values()) total += entry.size;
  const diskName = (key: string) => createHash('sha256').update(key).digest('hex');
  const sign = (key: string, expires: string) =>
    createHmac('sha256', secret).update(`${key}\n${expires}`).digest('hex');

  const forget = async (key: string) => {
    const entry = index.get(key);
    if (!entry) return;
    index.delete(key);
    memory.delete(key);
    total -= entry.size;
    if (dir) {
      const base = path.join(dir, diskName(key));
      await Promise.all([rm(`${base}.bin`, { force: true }), rm(`${base}.json`, { force: true })]);
    }
  };

  const store: FileStore = {
    async put(file) {
      await store.sweep();
      if (index.has(file.key)) await forget(file.key);
      if (total + file.size > limits.maxTotalBytes) return false;
      const at = Date.now();
      index.set(file.key, { size: file.size, at });
      total += file.size;
      if (!dir) {
        memory.set(file.key, file);
        return true;
      }
      const base = path.join(dir, diskName(file.key));
      await writeFileAtomic(`${base}.bin`, file.bytes);
      const meta = { key: file.key, name: file.name, type: file.type, size: file.size, at };
      await writeFileAtomic(`${base}.json`, JSON.stringify(meta));
      return true;
    },
    async get(key) {
      if (!index.has(key)) return undefined;
      if (!dir) return memory.get(key);
      const base = path.join(dir, diskName(key));
      try {
        const meta = JSON.parse(await readFile(`${base}.json`, 'utf8')) as Omit<StoredFile, 'bytes'>;
        return meta.key === key ? { ...meta, bytes: await readFile(`${base}.bin`) } : undefined;
      } catch {
        return undefined;
      }
    },
    presign(baseUrl, key, ttlS) {
      const expiresIn = Math.floor(Date.now() / 1000) + ttlS;
      const query = `expires=${expiresIn}&sig=${sign(key, String(expiresIn))}`;
      return { url: `${baseUrl}/files/${encodeKey(key)}?${query}`, expiresIn };
    },
    verify(key, expires, sig) {
      if (!expires || !sig || !/^\d+$/.test(expires) || Number(expires) < Date.now() / 1000) return false;
      const expected = Buffer.from(sign(key, expires));
      const given = Buffer.from(sig);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    async sweep(now = Date.now()) {
      if (limits.ttlMs <= 0) return;
      const old = [...index].filter(([, entry]) => entry.at < now - limits.ttlMs).map(([key]) => key);
      for (const key of old) await forget(key);
    },
    totalBytes: () => total,
  };
  return store;
}
