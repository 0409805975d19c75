/**
 * Markdown → marked's tokens, with a private set of options (the global `marked` config stays untouched).
 * Only the lexer is used: the tokens are turned into DOM nodes by markdown-nodes.ts, never into an HTML
 * string, so no HTML parser and no sanitiser sits on the markdown path.
 */
import { getDefaults, Lexer, type Token } from 'marked';

/** Markdown to tokens. May throw (a parser bug, a stack overflow on absurd nesting); callers show plain text. */
export function lexMarkdown(text: string): Token[] {
  // A fresh options object per call: the lexer writes its tokenizer into the one it is given.
  // Chat text: a single newline is a line break, as the sender saw it while typing.
  return Lexer.lex(text, { ...getDefaults(), gfm: true, breaks: true, async: false });
}
