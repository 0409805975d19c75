/**
 * A message's parts within the render budget (message-budget.ts): the parts that fit are rendered, the rest
 * waits behind a plain-text preview of the next part and "Show more", which renders one more budget's worth.
 */
import { useState } from 'preact/hooks';
import type { ChatMessage } from '../../../store/messages';
import { useUi } from '../../context';
import { Bubble } from './bubble';
import { budgetEnd, htmlAsText, partText } from './message-budget';
import { MessagePart } from './message-part';
import { previewText } from './truncate';

/** Characters of the next part shown in the preview of what is left. */
const REST_PREVIEW_CHARS = 280;

export function MessageParts({ message, name }: { message: ChatMessage; name: string }) {
  const { t } = useUi();
  const parts = message.parts;
  const [end, setEnd] = useState(() => budgetEnd(parts, 0));
  const next = parts[end];
  const nextText = next === undefined ? '' : next.kind === 'html' ? htmlAsText(next.html) : partText(next);
  return (
    <>
      {parts.slice(0, end).map((part, i) => (
        <MessagePart key={i} part={part} message={message} name={name} />
      ))}
      {next !== undefined && (
        <Bubble key="rest" dir="auto">
          {nextText !== '' && <p class="cc-plain">{previewText(nextText, REST_PREVIEW_CHARS).text}</p>}
          <button type="button" class="cc-more" onClick={() => setEnd(budgetEnd(parts, end))}>
            {t('showMore')}
          </button>
        </Bubble>
      )}
    </>
  );
}
