/**
 * Above the composer while any of the visitor's messages is shown failed: how many, and "Retry all". A
 * failed message may sit far up a long log, out of sight (and, windowed, out of the DOM); this keeps it
 * within reach. The log announces each failure as it happens, so this line is not a live region.
 */
import { useUi } from '../context';
import { Icon } from '../icon';

export function UnsentNotice() {
  const { store, t } = useUi();
  const count = store.unsent.value.length;
  if (count === 0) return null;
  return (
    <p class="cc-unsent">
      <Icon name="alert" class="cc-icon-sm" />
      <span>{t('unsentCount', { count })}</span>
      <button type="button" class="cc-text-button" onClick={() => store.retryUnsent()}>
        {t('retryAll')}
      </button>
    </p>
  );
}
