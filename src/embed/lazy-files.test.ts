import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('../upload/file-links');
  vi.doUnmock('../upload/vendor-uploader');
  vi.resetModules();
});

describe('lazy file code', () => {
  it('renews a link through the renewer its chunk brings, one renewer for every call', async () => {
    const created: string[] = [];
    vi.doMock('../upload/file-links', () => ({
      createFileLinks: (opts: { uploadUrl: string }) => {
        created.push(opts.uploadUrl);
        return { fresh: async (key: string) => `https://files.example.com/${key}?fresh` };
      },
    }));
    const { lazyFileLinks } = await import('./lazy-files');
    const links = lazyFileLinks({ uploadUrl: 'https://files.example.com/upload', apiKey: 'k' });
    expect(await links.fresh('a')).toBe('https://files.example.com/a?fresh');
    expect(await links.fresh('b')).toBe('https://files.example.com/b?fresh');
    expect(created).toEqual(['https://files.example.com/upload']);
  });

  it('answers "no fresh link" when the renewer cannot be fetched, and asks for it again next time', async () => {
    let attempts = 0;
    vi.doMock('../upload/file-links', () => {
      attempts += 1;
      throw new Error('Failed to fetch dynamically imported module');
    });
    const { lazyFileLinks } = await import('./lazy-files');
    const links = lazyFileLinks({ uploadUrl: 'https://files.example.com/upload', apiKey: 'k' });
    expect(await links.fresh('a')).toBeUndefined();
    expect(await links.fresh('a')).toBeUndefined();
    expect(attempts).toBe(2);
  });

  it('fails the upload, not the page, when the uploader cannot be fetched', async () => {
    vi.doMock('../upload/vendor-uploader', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const { lazyVendorUploader } = await import('./lazy-files');
    const upload = lazyVendorUploader({ url: 'https://files.example.com/upload', apiKey: 'k' });
    const file = new File(['hi'], 'notes.txt', { type: 'text/plain' });
    await expect(
      upload(file, { conversationId: 'c1', signal: new AbortController().signal, onProgress: () => {} }),
    ).rejects.toThrow();
  });
});
