/**
 * Uploaded files: kept in memory, or under `<data>/files/` (named by a hash of the key, so keys never
 * touch paths), and served back through signed, expiring "presigned" URLs (`/files/<key>?expires=&sig=`).
 * With a data directory the signing secret is kept there too, so URLs survive a restart.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './persistence';

export interface StoredFile {
  key: string;
  name: string;
  type: string;
  size: number;
  bytes: Buffer;
}

export interface FileStore {
  put(file: StoredFile): Promise<void>;
  get(key: string): Promise<StoredFile | undefined>;
  /** `{url, expiresIn}` for `ttlS` seconds: `expiresIn` is the expiry in epoch seconds, as the vendor's service sends. */
  presign(baseUrl: string, key: string, ttlS: number): { url: string; expiresIn: number };
  verify(key: string, expires: string | null, sig: string | null): boolean;
}

function loadSecret(dataDir: string | undefined): Buffer {
  if (!dataDir) return randomBytes(32);
  const file = path.join(dataDir, 'secret.key');
  try {
    return readFileSync(file);
  } catch {
    const secret = randomBytes(32);
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(`${file}.tmp`, secret, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    return secret;
  }
}

export const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/');

export function createFileStore(dataDir?: string): FileStore {
  const secret = loadSecret(dataDir);
  const memory = new Map<string, StoredFile>();
  const dir = dataDir ? path.join(dataDir, 'files') : null;
  if (dir) mkdirSync(dir, { recursive: true });
  const diskName = (key: string) => createHash('sha256').update(key).digest('hex');
  const sign = (key: string, expires: string) =>
    createHmac('sha256', secret).update(`${key}\n${expires}`).digest('hex');

  return {
    async put(file) {
      if (!dir) {
        memory.set(file.key, file);
        return;
      }
      const base = path.join(dir, diskName(file.key));
      await writeFileAtomic(`${base}.bin`, file.bytes);
      await writeFileAtomic(
        `${base}.json`,
        JSON.stringify({ key: file.key, name: file.name, type: file.type, size: file.size }),
      );
    },
    async get(key) {
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
  };
}
