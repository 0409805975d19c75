/**
 * One file being attached: thumbnail or icon, name, upload progress, error, remove button. Reads the
 * attachment's own signals, so progress re-renders only this chip.
 */

import { useState } from 'preact/hooks';
import type { Attachment } from '../../store/attachments';
import { useUi } from '../context';
import { Icon } from '../icon';

export function AttachmentChip({ attachment }: { attachment: Attachment }) {
  const { store, t, focusComposer } = useUi();
  const status = attachment.status.value;
  const progress = attachment.progress.value;
  const error = attachment.error.value;
  const [previewFailed, setPreviewFailed] = useState(false);
  // Our own object URL for the visitor's own file (never a URL from the hub).
  const preview =
    attachment.previewUrl?.startsWith('blob:') && !previewFailed ? attachment.previewUrl : undefined;
  const percent = Math.round(progress * 100);
  return (
    <li class="cc-chip" data-status={status}>
      {preview ? (
        <img
          class="cc-chip-thumb"
          src={preview}
          alt=""
          referrerpolicy="no-referrer"
          onError={() => setPreviewFailed(true)}
        />
      ) : (
        <span class="cc-chip-icon">
          <Icon name="file" />
        </span>
      )}
      <span class="cc-chip-text">
        <bdi class="cc-chip-name" title={attachment.name}>
          {attachment.name}
        </bdi>
        {status === 'uploading' && (
          <progress
            class="cc-chip-progress"
            max={1}
            value={progress}
            aria-label={t('uploading', { name: attachment.name, percent })}
          />
        )}
        {status === 'error' && <span class="cc-chip-error">{error ?? t('uploadFailedShort')}</span>}
      </span>
      <button
        type="button"
        class="cc-chip-remove"
        aria-label={t('removeFile', { name: attachment.name })}
        title={t('removeFile', { name: attachment.name })}
        onClick={() => {
          store.removeAttachment(attachment.id);
          focusComposer();
        }}
      >
        <Icon name="close" class="cc-icon-sm" />
      </button>
    </li>
  );
}
