/**
 * One file in a message. Images (by kind or MIME type) show a preview linking to the full size; other
 * files are a chip with name and size linking to the file. Unsafe URLs give no link (and no preview); a
 * link that expired and could not be renewed (use-file-link.ts) leaves the name and "link expired".
 */
import { formatBytes } from '../../../i18n';
import { safeImageUrl } from '../../../markdown/url-policy';
import { cleanFileName } from '../../../protocol/file-name';
import type { FileRef } from '../../../protocol/model';
import { useUi } from '../../context';
import { Icon } from '../../icon';
import { SafeLink } from './safe-link';
import { useFileLink } from './use-file-link';

export function FileItem({ file, sender }: { file: FileRef; sender: string }) {
  const { t, locale } = useUi();
  const link = useFileLink(file);
  const given = cleanFileName(file.name ?? '').trim();
  const name = given || t('fileUnnamed');
  const isImage = file.kind === 'image' || (file.mimeType ?? '').toLowerCase().startsWith('image/');
  // A thumbnail is the service's too: once the link is renewed, the full image stands in for it.
  const preview =
    isImage && link.url
      ? ((link.url === file.url ? safeImageUrl(file.thumbnail) : undefined) ?? safeImageUrl(link.url))
      : undefined;
  if (preview && link.url) {
    return (
      <SafeLink href={link.url} class="cc-file-image">
        <img
          src={preview}
          alt={given || t('imageAlt', { sender })}
          loading="lazy"
          decoding="async"
          referrerpolicy="no-referrer"
          onError={link.onBroken}
        />
      </SafeLink>
    );
  }
  const details = (
    <>
      <Icon name="file" />
      <bdi class="cc-file-name">{name}</bdi>
      {link.expired ? (
        <span class="cc-file-size">{t('fileLinkExpired')}</span>
      ) : (
        typeof file.size === 'number' && <span class="cc-file-size">{formatBytes(file.size, locale)}</span>
      )}
    </>
  );
  if (!link.url) {
    return (
      <span class="cc-file-chip" aria-busy={link.expired ? undefined : 'true'}>
        {details}
      </span>
    );
  }
  return (
    <SafeLink href={link.url} class="cc-file-chip" download title={t('downloadFile', { name })}>
      {details}
    </SafeLink>
  );
}
