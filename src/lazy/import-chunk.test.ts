import { describe, expect, test } from 'vitest';
import { __vitePreload } from './import-chunk';

const moduleUrl = (code: string) => `data:text/javascript,${encodeURIComponent(code)}`;

describe('__vitePreload (the application build’s import of a chunk)', () => {
  test('without files to fetch alongside, it is the import itself', async () => {
    const module = { name: 'chunk' };
    await expect(
      __vitePreload(() => Promise.resolve(module), [], 'https://cdn.example/assets/a.js'),
    ).resolves.toBe(module);
    await expect(__vitePreload(() => Promise.resolve(module))).resolves.toBe(module);
  });

  test('imports the files a chunk needs while the chunk itself loads, and resolves to the chunk', async () => {
    const done = globalThis as { importChunkDeps?: number };
    done.importChunkDeps = 0;
    const dep = moduleUrl('globalThis.importChunkDeps += 1; export const x = 1;');
    // The chunk resolves only once its dependency ran: importing one after the other would never settle.
    const load = () =>
      new Promise<string>((resolve) => {
        const wait = () => (done.importChunkDeps ? resolve('the chunk') : setTimeout(wait, 1));
        wait();
      });
    await expect(__vitePreload(load, [dep], 'https://cdn.example/assets/mount.js')).resolves.toBe(
      'the chunk',
    );
    expect(done.importChunkDeps).toBe(1);
    delete done.importChunkDeps;
  });

  test('a file that cannot be imported fails the import, for its caller to try again', async () => {
    const broken = moduleUrl('export const = ;');
    await expect(
      __vitePreload(() => Promise.resolve('the chunk'), [broken], import.meta.url),
    ).rejects.toThrow();
    const failing = __vitePreload(() => Promise.reject(new Error('offline')), [], import.meta.url);
    await expect(failing).rejects.toThrow('offline');
  });
});
