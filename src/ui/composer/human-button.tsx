/**
 * "Talk to a human". While the hub looks for an agent it stays focusable but inert (`aria-disabled`, so
 * keyboard focus is not lost) and a status line says so; it disappears once an agent joined.
 */
import { useUi } from '../context';
import { Icon } from '../icon';

export function HumanButton() {
  const { store, t, options } = useUi();
  const phase = store.state.agent.value.phase;
  if (!options.humanButton || phase === 'joined') return null;
  const waiting = phase === 'waiting';
  return (
    <div class="cc-human">
      <button
        type="button"
        class="cc-human-button"
        aria-disabled={waiting ? 'true' : undefined}
        onClick={() => {
          if (!waiting) store.escalate();
        }}
      >
        <Icon name="person" class="cc-icon-sm" />
        <span>{t('talkToHuman')}</span>
      </button>
      <span class="cc-human-status" role="status">
        {waiting ? t('waitingForAgent') : ''}
      </span>
    </div>
  );
}
