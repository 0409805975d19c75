import { describe, expect, it, vi } from 'vitest';
import { createLazyChunk } from './lazy-chunk';

describe('createLazyChunk', () => {
  it('fetches once however often it is wanted, and fills `current` when the module arrives', async () => {
    const importer = vi.fn(() => Promise.resolve({ name: 'menu' }));
    const chunk = createLazyChunk(importer);
    expect(chunk.current.value).toBeUndefined();
    chunk.want();
    chunk.want();
    const module = await chunk.load();
    expect(module).toEqual({ name: 'menu' });
    expect(chunk.current.value).toBe(module);
    chunk.want();
    await chunk.load();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed fetch: the caller sees the error, and the next want fetches again', async () => {
    const importer = vi
      .fn<() => Promise<{ name: string }>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce({ name: 'cards' });
    const chunk = createLazyChunk(importer);
    await expect(chunk.load()).rejects.toThrow('Failed to fetch');
    expect(chunk.current.value).toBeUndefined();
    chunk.want();
    await vi.waitFor(() => expect(chunk.current.value).toEqual({ name: 'cards' }));
    expect(importer).toHaveBeenCalledTimes(2);
  });

  it('swallows the failure of a want: nothing is left unhandled', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const chunk = createLazyChunk(() => Promise.reject(new Error('offline')));
      chunk.want();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
      expect(chunk.current.value).toBeUndefined();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
