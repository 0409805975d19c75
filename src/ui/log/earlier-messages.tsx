/**
 * At the top of a log that let older messages go (the store keeps a bounded tail): asks for a page of them,
 * which the transcript brings back above what is shown.
 */
import { useUi } from '../context';

export function EarlierMessages() {
  const { store, t } = useUi();
  return (
    <button type="button" class="cc-earlier" onClick={() => store.showEarlier()}>
      {t('earlierMessages')}
    </button>
  );
}
