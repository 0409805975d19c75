/**
 * marked's inline tokens → Preact nodes. Safe by construction: element names come from this file, never from
 * the input; text becomes text nodes (Preact never parses it); the only attributes are `href` and `src`
 * (through url-policy.ts), `title` and `alt` (plain attribute text), and our own `target`/`rel`/`loading`/
 * `referrerpolicy`. Raw HTML in markdown is shown as the text it is. Anything unexpected renders as its
 * source text.
 */
import type { Token, Tokens } from 'marked';
import type { ComponentChildren, h as createElement } from 'preact';
import { decodeReferences } from './entities';
import { isExternalHttp, safeImageUrl, safeUrl } from './url-policy';

/** Deeper nesting than this (quotes in lists in emphasis…) is shown as its source text. */
export const MAX_DEPTH = 24;

/**
 * Preact's `h`, handed in by the caller: this chunk is loaded after the application chunk, which already has
 * Preact, and importing it here would make the bundler split Preact into a chunk of its own.
 */
export type CreateElement = typeof createElement;

export type InlineNodes = (tokens: readonly Token[], depth: number) => ComponentChildren[];

/** A leaf text token's text as shown. */
function leafText(token: Tokens.Text | Tokens.Escape): string {
  // After an inline <script>, <pre> or <style> tag marked marks text "escaped" (a raw block, meant to stay as
  // written), and a backslash escape is its character as written: neither holds references to decode.
  if (token.type === 'escape' || token.escaped === true) return token.text;
  return decodeReferences(token.text);
}

/** The text of inline tokens without markup: an image's alt text. */
export function plainText(tokens: readonly Token[]): string {
  let out = '';
  for (const token of tokens) {
    if (token.type === 'br') continue;
    if ('tokens' in token && Array.isArray(token.tokens)) out += plainText(token.tokens);
    else if (token.type === 'text' || token.type === 'escape') out += leafText(token as Tokens.Text);
    else if (token.type === 'codespan' || token.type === 'image') out += (token as Tokens.Codespan).text;
    else out += token.raw;
  }
  return out;
}

export function createInlineNodes(h: CreateElement): InlineNodes {
  function link(token: Tokens.Link, depth: number): ComponentChildren {
    // An autolink's label is the URL as written; references inside it are not decoded.
    const label = token.autolink ? token.text : inlineNodes(token.tokens, depth + 1);
    const href = safeUrl(decodeReferences(token.href));
    if (href === undefined) return label;
    const external = isExternalHttp(href);
    const title = token.title ? decodeReferences(token.title) : undefined;
    const target = external ? '_blank' : undefined;
    return h('a', { href, title, target, rel: external ? 'noopener noreferrer' : undefined }, label);
  }

  function image(token: Tokens.Image): ComponentChildren {
    const alt = token.tokens ? plainText(token.tokens) : decodeReferences(token.text);
    const src = safeImageUrl(decodeReferences(token.href));
    if (src === undefined) return alt;
    const title = token.title ? decodeReferences(token.title) : undefined;
    // Loading and referrer rules come before the source, so the first request already follows them.
    return h('img', { loading: 'lazy', referrerpolicy: 'no-referrer', src, alt, title });
  }

  function inlineNode(token: Token, depth: number): ComponentChildren {
    if (depth > MAX_DEPTH) return token.raw;
    switch (token.type) {
      case 'text':
      case 'escape':
        return token.type === 'text' && token.tokens
          ? inlineNodes(token.tokens, depth + 1)
          : leafText(token as Tokens.Text | Tokens.Escape);
      case 'strong':
      case 'em':
      case 'del':
        return h(token.type, null, inlineNodes((token as Tokens.Strong).tokens, depth + 1));
      case 'codespan':
        return h('code', null, (token as Tokens.Codespan).text);
      case 'br':
        return h('br', null);
      case 'link':
        return link(token as Tokens.Link, depth);
      case 'image':
        return image(token as Tokens.Image);
      case 'checkbox':
        return (token as Tokens.Checkbox).checked ? '☑ ' : '☐ ';
      default:
        // Raw HTML (`html`, `tag`) and any token type this file does not know: the source text.
        return token.raw;
    }
  }

  function inlineNodes(tokens: readonly Token[], depth: number): ComponentChildren[] {
    return tokens.map((token) => inlineNode(token, depth));
  }
  return inlineNodes;
}
