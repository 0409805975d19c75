/**
 * An `html` part from the hub: the same sanitiser as markdown, without the markdown step. A long one is
 * previewed like long text (truncate.ts): its beginning as plain text, tags dropped, until the visitor asks
 * for all of it; so a flood of large html parts costs no sanitiser work until someone reads them.
 */
import { useState } from 'preact/hooks';
import { useUi } from '../../context';
import { Bubble } from './bubble';
import { Markup } from './markup';
import { htmlAsText } from './message-budget';
import { previewText, TEXT_PREVIEW_CHARS } from './truncate';

export function PartHtml({ html }: { html: string }) {
  const { t } = useUi();
  const [expanded, setExpanded] = useState(false);
  const long = html.length > TEXT_PREVIEW_CHARS;
  return (
    <Bubble dir="auto">
      {long && !expanded ? (
        <div class="cc-md">
          <p class="cc-plain">{previewText(htmlAsText(html)).text}</p>
        </div>
      ) : (
        <Markup source={html} kind="html" />
      )}
      {long && (
        <button type="button" class="cc-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('showLess') : t('showMore')}
        </button>
      )}
    </Bubble>
  );
}
