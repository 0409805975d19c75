/**
 * Sanitised HTML from `src/markdown` into the DOM: the only `dangerouslySetInnerHTML` in the UI. Only the
 * `SafeHtml` brand the sanitiser returns is accepted; the Trusted Types wrapper is made at insertion.
 */
import { useMemo } from 'preact/hooks';
import { type SafeHtml, toTrustedHtml } from '../../../markdown/trusted-types';

export function RichText({ html, class: className }: { html: SafeHtml; class?: string }) {
  // The same object on every render, so Preact does not reassign innerHTML (and lose a text selection).
  const trusted = useMemo(() => ({ __html: toTrustedHtml(html) as unknown as string }), [html]);
  return <div class={className ? `cc-md ${className}` : 'cc-md'} dangerouslySetInnerHTML={trusted} />;
}
