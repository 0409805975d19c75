/**
 * The delivery state under a visitor's message. `sending` fades in only after a moment (CSS), so a quick
 * round trip shows nothing; `failed` is announced by the log. Reading the signal here re-renders only this.
 */
import type { Signal } from '@preact/signals';
import type { DeliveryState } from '../../store/messages';
import { useUi } from '../context';
import { Icon } from '../icon';

export interface DeliveryStatusProps {
  delivery: Signal<DeliveryState>;
  /** When given, a failed message offers t('retrySending'). */
  onRetry?: (() => void) | undefined;
}

export function DeliveryStatus({ delivery, onRetry }: DeliveryStatusProps) {
  const { t } = useUi();
  const state = delivery.value;
  if (state === 'sending') {
    return (
      <p class="cc-delivery" data-delivery="sending" aria-hidden="true">
        {t('deliverySending')}
      </p>
    );
  }
  if (state === 'sent') {
    return (
      <p class="cc-delivery" data-delivery="sent">
        <Icon name="check" class="cc-icon-sm" />
        <span class="cc-sr-only">{t('deliverySent')}</span>
      </p>
    );
  }
  return (
    <p class="cc-delivery" data-delivery="failed">
      <Icon name="alert" class="cc-icon-sm" />
      <span>{t('deliveryFailed')}</span>
      {onRetry && (
        <button type="button" class="cc-text-button" onClick={onRetry}>
          {t('retrySending')}
        </button>
      )}
    </p>
  );
}
