/**
 * The connection status under the header: connecting, reconnecting with a countdown, offline, or failed with
 * a retry button. The `role="status"` element stays in the DOM (empty while connected) so screen readers
 * announce changes reliably.
 */
import { useUi } from '../context';
import { Icon } from '../icon';
import { statusText } from './status-text';
import { useCountdown } from './use-countdown';

export function StatusBar() {
  const { store, t } = useUi();
  const status = store.state.connection.value;
  const seconds = useCountdown(status.state === 'reconnecting' ? status.retryInMs : undefined, status);
  const text = statusText(status, seconds, t);
  return (
    <div class="cc-status" role="status" data-state={status.state}>
      {text && <span class="cc-status-text">{text}</span>}
      {text && status.state === 'failed' && (
        <button type="button" class="cc-status-retry" onClick={() => store.retryConnection()}>
          <Icon name="retry" class="cc-icon-sm" />
          <span>{t('retry')}</span>
        </button>
      )}
    </div>
  );
}
