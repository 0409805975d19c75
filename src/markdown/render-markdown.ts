/**
 * Markdown (bot and agent text, `md` parts) → Preact nodes: length cap and parse budget (parse-budget.ts) →
 * marked's lexer → block-nodes.ts → cache. No HTML string is built and nothing is parsed as HTML, so this path needs no sanitiser: what cannot
 * be expressed with our elements and url-policy.ts shows as text. Any failure (a parser bug, a stack
 * overflow on absurd nesting) falls back to the text as written: fail closed, never raw.
 */
import type { ComponentChildren } from 'preact';
import { createBlockNodes } from './block-nodes';
import type { CreateElement } from './inline-nodes';
import { lexMarkdown } from './lex-markdown';
import { withinParseBudget } from './parse-budget';
import type { RenderCache } from './render-cache';

/**
 * Longest input that is parsed. marked has had ReDoS and O(n²) bugs (CVE-2022-21680/21681, 2026 fixes up
 * to 18.0.7, docs/architecture.md §4), so anything longer is shown as plain text, not parsed at all.
 */
export const MARKDOWN_MAX_CHARS = 20_000;

export interface MarkdownRenderer {
  /** Nodes for a bubble's `.cc-md` container; null for empty or non-string input. */
  renderMarkdown(text: string): ComponentChildren;
}

/**
 * A renderer that keeps node trees in `cache` (Preact copies a node that is already on screen, so one tree
 * can serve every bubble showing the same text); the weight of an entry is its text's length. The caller
 * hands in `h` and the cache, which live in the application chunk.
 */
export function createMarkdownRenderer(
  h: CreateElement,
  cache: RenderCache<ComponentChildren>,
): MarkdownRenderer {
  const blockNodes = createBlockNodes(h);
  // Text shown as written, line breaks kept (`.cc-plain` is `white-space: pre-wrap`).
  const plain = (text: string) => h('p', { class: 'cc-plain' }, text);
  function build(text: string): ComponentChildren {
    if (text.length > MARKDOWN_MAX_CHARS || !withinParseBudget(text)) return plain(text);
    try {
      return blockNodes(lexMarkdown(text));
    } catch {
      return plain(text);
    }
  }
  return {
    renderMarkdown(input) {
      // Hub data is untyped at runtime: a non-string renders as nothing rather than throwing in the UI.
      const text = typeof input === 'string' ? input : '';
      if (text === '') return null;
      const hit = cache.get(text);
      if (hit !== undefined) return hit;
      const nodes = build(text);
      cache.set(text, nodes, text.length);
      return nodes;
    },
  };
}
