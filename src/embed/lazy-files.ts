/**
 * The default uploader and link renewer, whose code is fetched the first time a visitor's file is uploaded or
 * an old file's link has expired. Most conversations do neither, so that code stays out of the bytes every
 * open widget loads (the size budget). A chunk that failed to arrive (offline) is asked for again next time.
 */

import { loadOnce } from '../lazy/load-once';
import type { FileLinks, FileLinksOptions, Uploader, VendorUploaderOptions } from '../upload';

export function lazyVendorUploader(opts: VendorUploaderOptions): Uploader {
  const load = loadOnce(() => import('../upload/vendor-uploader'));
  return async (file, ctx) => (await load()).createVendorUploader(opts)(file, ctx);
}

export function lazyFileLinks(opts: FileLinksOptions): FileLinks {
  // One renewer for the page: it remembers the keys in flight and those the service refused.
  const load = loadOnce(() => import('../upload/file-links').then((mod) => mod.createFileLinks(opts)));
  return {
    fresh: (fileKey) =>
      load().then(
        (links) => links.fresh(fileKey),
        () => undefined,
      ),
  };
}
