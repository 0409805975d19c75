/**
 * Text or html from the hub. A line without markup is shown as a plain text node (safe by construction, and
 * no parser needed); anything else goes through the sanitising renderer, whose chunk is fetched the first time
 * it is needed. Until it arrives (a few ms, or never when offline) markdown shows as its plain text.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadRichRenderer, needsRichRendering, richRenderer } from '../markdown/lazy';
import { RichText } from './rich-text';

export function Markup({ source, kind = 'md' }: { source: string; kind?: 'md' | 'html' }) {
  const plain = kind === 'md' && !needsRichRendering(source);
  const [renderer, setRenderer] = useState(richRenderer);
  useEffect(() => {
    if (plain || renderer) return;
    let live = true;
    loadRichRenderer().then(
      (loaded) => live && setRenderer(loaded),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [plain, renderer]);
  if (plain || !renderer) {
    return <div class="cc-md">{kind === 'md' && <p class="cc-plain">{source}</p>}</div>;
  }
  return <RichText html={kind === 'md' ? renderer.renderMarkdown(source) : renderer.renderHtml(source)} />;
}
