/**
 * Markdown → unsanitised HTML with a private `Marked` instance (the global `marked` config stays untouched).
 * Its output is NOT safe: it always goes through sanitize.ts next. The renderer overrides here are a first
 * line only (the sanitiser re-checks every URL, docs/architecture.md §4):
 * - raw HTML tokens are escaped, so `<img src=x onerror=…>` typed in bot markdown shows as text, and so
 *   is the text marked would otherwise pass through raw after an inline <script>/<pre>/<style> tag;
 * - links and images with a refused URL render as their label / alt text;
 * - task-list checkboxes become ☐/☑ text, since <input> is a forbidden tag.
 */

import type { Tokens } from 'marked';
import { Marked } from 'marked';
import { escapeHtml } from './escape';
import { safeImageUrl, safeUrl } from './url-policy';

let instance: Marked | undefined;

function createMarked(): Marked {
  return new Marked({
    gfm: true,
    // Chat text: a single newline is a line break, as the sender saw it while typing.
    breaks: true,
    async: false,
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag) {
        const escaped = escapeHtml(token.text);
        // A block of raw HTML stands alone, so it becomes its own paragraph with its line breaks.
        return token.block ? `<p>${escaped.trimEnd().replace(/\n/g, '<br>')}</p>\n` : escaped;
      },
      text(token: Tokens.Text | Tokens.Escape) {
        // After an inline <script>, <pre> or <style> tag marked stops escaping text (a "raw block",
        // `escaped: true`), expecting that tag to be live HTML. Ours is escaped text, so this must be too.
        if (token.type === 'text' && token.escaped === true && !token.tokens) return escapeHtml(token.text);
        return false;
      },
      link(token: Tokens.Link) {
        if (safeUrl(token.href) === undefined) return this.parser.parseInline(token.tokens);
        return false; // the default renderer, which escapes href and title
      },
      image(token: Tokens.Image) {
        if (safeImageUrl(token.href) === undefined) return escapeHtml(token.text);
        return false;
      },
      checkbox(token: Tokens.Checkbox) {
        return token.checked ? '☑ ' : '☐ ';
      },
    },
  });
}

/** Markdown to HTML. May throw (a parser bug); the caller then shows escaped text. */
export function parseMarkdown(text: string): string {
  instance ??= createMarked();
  // marked ends every block with a newline; the last one is noise inside a chat bubble.
  return instance.parse(text, { async: false }).trimEnd();
}
