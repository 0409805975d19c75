/** An `html` part from the hub: the same sanitiser as markdown, without the markdown step. */
import { Markup } from './markup';

export function PartHtml({ html }: { html: string }) {
  return (
    <div class="cc-bubble" dir="auto">
      <Markup source={html} kind="html" />
    </div>
  );
}
