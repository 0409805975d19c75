/**
 * The link a file is shown with. File-service links expire, so a file whose link is known to be dead (its
 * expiry has passed) or proves dead (its image fails to load) is given a fresh link by the store; when none
 * can be had, the file is shown as expired: its name and "link expired", never a broken image.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FileRef } from '../../../protocol/model';
import { useUi } from '../../context';

type LinkState =
  | { phase: 'as-sent'; url: string }
  | { phase: 'refreshing' }
  | { phase: 'fresh'; url: string }
  | { phase: 'expired' };

export interface FileLink {
  /** The link to show; undefined while a fresh one is on its way or when none works. */
  url: string | undefined;
  expired: boolean;
  /** The image behind `url` failed to load. */
  onBroken(): void;
}

const initial = (file: FileRef, now: number): LinkState =>
  file.expiresAt !== undefined && file.expiresAt <= now
    ? file.fileKey
      ? { phase: 'refreshing' }
      : { phase: 'expired' }
    : { phase: 'as-sent', url: file.url };

export function useFileLink(file: FileRef): FileLink {
  const { store } = useUi();
  const [link, setLink] = useState<LinkState>(() => initial(file, Date.now()));

  useEffect(() => {
    if (link.phase !== 'refreshing' || !file.fileKey) return;
    let live = true;
    void store.freshFileLink(file.fileKey).then((url) => {
      if (live) setLink(url ? { phase: 'fresh', url } : { phase: 'expired' });
    });
    return () => {
      live = false;
    };
  }, [link.phase, file.fileKey, store]);

  return {
    url: link.phase === 'as-sent' || link.phase === 'fresh' ? link.url : undefined,
    expired: link.phase === 'expired',
    onBroken() {
      // One fresh link per file: if that one fails too, the file is gone or the service is.
      setLink(link.phase === 'as-sent' && file.fileKey ? { phase: 'refreshing' } : { phase: 'expired' });
    },
  };
}
