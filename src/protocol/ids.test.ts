import { afterEach, describe, expect, it, vi } from 'vitest';
import { isUuidV4, newClientMsgId, uuidV4FromBytes } from './ids';

describe('client ids', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('makes distinct UUID v4s', () => {
    const ids = Array.from({ length: 1000 }, newClientMsgId);
    expect(ids.every(isUuidV4)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('builds them from getRandomValues when randomUUID is missing (insecure contexts)', () => {
    const getRandomValues = vi.fn(<T extends ArrayBufferView>(a: T): T => {
      new Uint8Array(a.buffer).fill(0xab);
      return a;
    });
    vi.stubGlobal('crypto', { getRandomValues });
    const id = newClientMsgId();
    expect(getRandomValues).toHaveBeenCalledOnce();
    expect(id).toBe('abababab-abab-4bab-abab-abababababab');
    expect(isUuidV4(id)).toBe(true);
  });

  it('still makes a valid id without Web Crypto at all', () => {
    vi.stubGlobal('crypto', undefined);
    expect(isUuidV4(newClientMsgId())).toBe(true);
  });

  it('sets the version and variant bits whatever the random bytes are', () => {
    expect(uuidV4FromBytes(new Uint8Array(16).fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidV4FromBytes(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('recognises only UUID v4 strings', () => {
    expect(isUuidV4('3B0C9A4E-8F43-4C8E-9D0E-2A8C1F7B5E11')).toBe(true);
    for (const s of [
      '3b0c9a4e-8f43-1c8e-9d0e-2a8c1f7b5e11',
      '3b0c9a4e-8f43-4c8e-7d0e-2a8c1f7b5e11',
      'x',
      '',
      5,
      null,
    ]) {
      expect(isUuidV4(s)).toBe(false);
    }
  });
});
