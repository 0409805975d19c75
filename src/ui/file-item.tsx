/**
 * One file in a message. Images (by kind or MIME type) show a preview linking to the full size; other
 * files are a chip with name and size linking to the file. Unsafe URLs give no link (and no preview).
 */
import { formatBytes } from '../i18n';
import { safeImageUrl } from '../markdown/url-policy';
import type { FileRef } from '../protocol/model';
import { useUi } from './context';
import { Icon } from './icon';
import { SafeLink } from './safe-link';

export function FileItem({ file, sender }: { file: FileRef; sender: string }) {
  const { t, locale } = useUi();
  const name = file.name?.trim() || t('fileUnnamed');
  const isImage = file.kind === 'image' || (file.mimeType ?? '').toLowerCase().startsWith('image/');
  const preview = isImage ? (safeImageUrl(file.thumbnail) ?? safeImageUrl(file.url)) : undefined;
  if (preview) {
    return (
      <SafeLink href={file.url} class="cc-file-image">
        <img
          src={preview}
          alt={file.name?.trim() || t('imageAlt', { sender })}
          loading="lazy"
          decoding="async"
        />
      </SafeLink>
    );
  }
  return (
    <SafeLink href={file.url} class="cc-file-chip" download title={t('downloadFile', { name })}>
      <Icon name="file" />
      <bdi class="cc-file-name">{name}</bdi>
      {typeof file.size === 'number' && <span class="cc-file-size">{formatBytes(file.size, locale)}</span>}
    </SafeLink>
  );
}
