/**
 * marked's block tokens → Preact nodes, with the same guarantees as inline-nodes.ts: our element names,
 * text as text nodes, and the only attributes `start` on lists and `align` on table cells (numbers and
 * marked's fixed alignment words). The elements are the ones the chat's CSS styles under `.cc-md`.
 */
import type { Token, Tokens } from 'marked';
import type { ComponentChildren } from 'preact';
import { type CreateElement, createInlineNodes, MAX_DEPTH } from './inline-nodes';

export type BlockNodes = (tokens: readonly Token[]) => ComponentChildren[];

const ALIGNMENTS = new Set(['left', 'right', 'center']);

export function createBlockNodes(h: CreateElement): BlockNodes {
  const inlineNodes = createInlineNodes(h);

  /** Text with its line breaks, as `<br>`s. */
  const lines = (text: string): ComponentChildren[] =>
    text.split(/\r\n?|\n/).flatMap((line, i) => (i === 0 ? [line] : [h('br', null), line]));

  function list(token: Tokens.List, depth: number): ComponentChildren {
    const start =
      token.ordered && typeof token.start === 'number' && token.start !== 1 ? token.start : undefined;
    const items = token.items.map((item) => h('li', null, blockNodes(item.tokens, depth + 1)));
    return h(token.ordered ? 'ol' : 'ul', { start }, items);
  }

  function cell(tag: 'th' | 'td', token: Tokens.TableCell, depth: number): ComponentChildren {
    const align = token.align !== null && ALIGNMENTS.has(token.align) ? token.align : undefined;
    return h(tag, { align }, inlineNodes(token.tokens, depth + 1));
  }

  function table(token: Tokens.Table, depth: number): ComponentChildren {
    const head = h(
      'thead',
      null,
      h(
        'tr',
        null,
        token.header.map((c) => cell('th', c, depth)),
      ),
    );
    const rows = token.rows.map((row) =>
      h(
        'tr',
        null,
        row.map((c) => cell('td', c, depth)),
      ),
    );
    return h('table', null, head, rows.length ? h('tbody', null, rows) : null);
  }

  function code(token: Tokens.Code): ComponentChildren {
    // As marked writes it: the text with one final newline, none when empty. The language is not kept.
    const text = token.text ? `${token.text.replace(/\n$/, '')}\n` : '';
    return h('pre', null, h('code', null, text));
  }

  function blockNode(token: Token, depth: number): ComponentChildren {
    if (depth > MAX_DEPTH) return h('p', { class: 'cc-plain' }, token.raw);
    switch (token.type) {
      case 'paragraph':
        return h('p', null, inlineNodes((token as Tokens.Paragraph).tokens, depth + 1));
      case 'heading': {
        const { depth: level, tokens } = token as Tokens.Heading;
        return h(`h${Math.min(6, Math.max(1, level))}`, null, inlineNodes(tokens, depth + 1));
      }
      case 'code':
        return code(token as Tokens.Code);
      case 'blockquote':
        return h('blockquote', null, blockNodes((token as Tokens.Blockquote).tokens, depth + 1));
      case 'list':
        return list(token as Tokens.List, depth);
      case 'table':
        return table(token as Tokens.Table, depth);
      case 'hr':
        return h('hr', null);
      case 'html':
        // A block of raw HTML is shown as the text it is, in its own paragraph, line breaks kept.
        return h('p', null, lines((token as Tokens.HTML).text.trimEnd()));
      case 'space':
      case 'def':
        return null;
      default:
        // `text` in tight list items, `checkbox`, and anything inline that reaches block level.
        return inlineNodes([token], depth);
    }
  }

  function blockNodes(tokens: readonly Token[], depth = 0): ComponentChildren[] {
    return tokens.map((token) => blockNode(token, depth));
  }
  return blockNodes;
}
