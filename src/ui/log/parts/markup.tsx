/**
 * Text or html from the hub. A line without markup is shown as a plain text node (safe by construction, and
 * no parser needed). Markdown is rendered as nodes by the markdown chunk; an `html` part goes through the
 * sanitiser chunk. Each chunk is fetched the first time it is needed; until it arrives (a few ms, or never
 * when offline) markdown shows as its plain text.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  htmlRenderer,
  type LazyRenderer,
  markdownRenderer,
  needsRichRendering,
} from '../../../markdown/lazy';
import { RichText } from './rich-text';

/** The renderer of `lazy` once its chunk is here (undefined until then, and while `wanted` is false). */
function useRenderer<R>(lazy: LazyRenderer<R>, wanted: boolean): R | undefined {
  const [renderer, setRenderer] = useState(lazy.current);
  useEffect(() => {
    if (!wanted || renderer) return;
    let live = true;
    lazy.load().then(
      (loaded) => live && setRenderer(() => loaded),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [lazy, wanted, renderer]);
  return renderer;
}

export function Markup({ source, kind = 'md' }: { source: string; kind?: 'md' | 'html' }) {
  const markdown = kind === 'md' && needsRichRendering(source);
  const md = useRenderer(markdownRenderer, markdown);
  const html = useRenderer(htmlRenderer, kind === 'html');
  if (kind === 'html') return html ? <RichText html={html.renderHtml(source)} /> : <div class="cc-md" />;
  return (
    <div class="cc-md">{md && markdown ? md.renderMarkdown(source) : <p class="cc-plain">{source}</p>}</div>
  );
}
