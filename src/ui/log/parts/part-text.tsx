/**
 * A text part. Bot and agent text is markdown (through the sanitiser); the visitor's own text is plain text
 * with its line breaks kept, never markdown or HTML (Flowise CVE-2024-9148). Beyond TEXT_PREVIEW_CHARS only
 * the beginning is rendered, with a toggle.
 */
import { useState } from 'preact/hooks';
import { useUi } from '../../context';
import { Bubble } from './bubble';
import { Markup } from './markup';
import { previewText } from './truncate';

export interface PartTextProps {
  text: string;
  format: 'plain' | 'markdown';
}

export function PartText({ text, format }: PartTextProps) {
  const { t } = useUi();
  const [expanded, setExpanded] = useState(false);
  const preview = previewText(text);
  const shown = expanded ? text : preview.text;
  return (
    <Bubble dir="auto">
      {format === 'plain' ? <p class="cc-plain">{shown}</p> : <Markup source={shown} />}
      {preview.truncated && (
        <button type="button" class="cc-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('showLess') : t('showMore')}
        </button>
      )}
    </Bubble>
  );
}
