/** Three bouncing dots while the bot or agent "types" (a `pause`); the words are for screen readers. */
import { useUi } from '../context';
import { Bubble } from './parts/bubble';

export function TypingIndicator({ name }: { name?: string | undefined }) {
  const { t } = useUi();
  return (
    <div class="cc-typing">
      <Bubble extraClass="cc-typing-bubble">
        <span class="cc-dots" aria-hidden="true">
          <span />
          <span />
          <span />
        </span>
        <span class="cc-sr-only">{name ? t('typingNamed', { name }) : t('typing')}</span>
      </Bubble>
    </div>
  );
}
