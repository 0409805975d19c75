/** Shown when messages arrive while the reader is scrolled up; takes them back to the end. */
import { useUi } from '../context';
import { Icon } from '../icon';

export function NewMessagesPill({ onClick }: { onClick: () => void }) {
  const { t } = useUi();
  return (
    <button type="button" class="cc-pill" onClick={onClick}>
      <Icon name="down" class="cc-icon-sm" />
      <span>{t('newMessages')}</span>
    </button>
  );
}
