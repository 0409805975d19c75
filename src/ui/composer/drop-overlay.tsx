/** Shown over the panel while files are dragged onto it. Decorative: the drop itself is the action. */
import { useUi } from '../context';
import { Icon } from '../icon';

export function DropOverlay() {
  const { t } = useUi();
  return (
    <div class="cc-drop" aria-hidden="true">
      <Icon name="attach" />
      <p>{t('dropFiles')}</p>
    </div>
  );
}
