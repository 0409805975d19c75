/**
 * Quick replies. Choosing one sends its value (the bubble shows its label) and disables the whole set, the
 * chosen one marked pressed. Reading `message.chosen` here re-renders only this part when it is set.
 */
import { useId } from 'preact/hooks';
import type { ChoiceOption } from '../../../protocol/model';
import type { ChatMessage } from '../../../store/messages';
import { useUi } from '../../context';
import { Bubble } from './bubble';

export interface PartChoicesProps {
  message: ChatMessage;
  title?: string | undefined;
  options: ChoiceOption[];
}

export function PartChoices({ message, title, options }: PartChoicesProps) {
  const { store, focusComposer } = useUi();
  const titleId = useId();
  const chosen = message.chosen.value;
  const done = chosen !== undefined;
  if (!options.length && !title) return null;
  return (
    <fieldset class="cc-choices" disabled={done} aria-labelledby={title ? titleId : undefined}>
      {title && (
        <Bubble dir="auto">
          <p class="cc-plain" id={titleId}>
            {title}
          </p>
        </Bubble>
      )}
      <div class="cc-choice-list">
        {options.map((option, i) => (
          <button
            key={i}
            type="button"
            class="cc-choice"
            disabled={done}
            aria-pressed={done ? chosen === option.label : undefined}
            onClick={() => {
              store.chooseReply(message.id, option.label, option.value);
              // The set just disabled itself: keep the keyboard in the conversation.
              focusComposer();
            }}
          >
            <bdi>{option.label}</bdi>
          </button>
        ))}
      </div>
    </fieldset>
  );
}
