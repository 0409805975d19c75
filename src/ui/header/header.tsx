/**
 * The panel header: avatar, title, subtitle (the agent's name once one joined), the conversation menu and,
 * in launcher mode, the close button.
 */
import { useUi } from '../context';
import { Icon } from '../icon';
import { Avatar } from '../log/avatar';
import { HeaderMenu } from './header-menu';

export function Header({ title, onClose }: { title: string; onClose?: (() => void) | undefined }) {
  const ui = useUi();
  const { store, t, options } = ui;
  const agent = store.state.agent.value;
  const joined = agent.phase === 'joined';
  return (
    <header class="cc-header" part="header">
      {joined ? (
        <Avatar kind="agent" src={agent.avatar} name={agent.name} size="lg" />
      ) : (
        <Avatar kind="bot" src={options.avatar} size="lg" />
      )}
      <div class="cc-header-text">
        <h2 class="cc-title">
          <bdi>{title}</bdi>
        </h2>
        <p class="cc-subtitle" data-agent={joined ? '' : undefined}>
          <bdi>
            {joined ? (agent.name ?? t('agentGenericName')) : (options.subtitle ?? t('headerSubtitle'))}
          </bdi>
        </p>
      </div>
      <div class="cc-header-actions">
        <HeaderMenu label={t('conversationMenu')} buttonRef={ui.menuButtonRef} />
        {onClose && (
          <button
            type="button"
            class="cc-icon-button"
            aria-label={t('closeChat')}
            title={t('closeChat')}
            onClick={onClose}
          >
            <Icon name="close" />
          </button>
        )}
      </div>
    </header>
  );
}
