/**
 * Which markdown is cheap enough to parse. marked is quadratic on some inputs well under the length cap:
 * a 20,000-character run like `*a_*a_…` keeps the main thread for 25 s, 4,000 nested `>` for about 90 ms,
 * and spaced-out delimiters add up too. Text over this budget is shown as written (plain text), like text
 * over the length cap: the visitor still reads every character, nothing is parsed.
 *
 * The limits sit far above what chat messages use: a long answer has a few dozen emphasis and link marks,
 * a word (URL, identifier) a handful, quotes and lists nest a few levels.
 */

/** Characters that open or close inline markup: emphasis, strike, code, links, images, autolinks. */
const MARKUP_CHAR = /[*_~`[\]()!<>]/g;
/** Most markup characters in one text. */
export const MAX_MARKUP_CHARS = 600;
/** Most markup characters in one run without whitespace (where marked's delimiter matching is quadratic). */
export const MAX_MARKUP_CHARS_PER_WORD = 16;
/** Quotes nested 9 deep, or list items indented 32 columns (lists 9 to 17 deep): each level re-reads the text. */
const DEEP_NESTING = /^(?:[ \t]*>){9}|^[ \t]{32,}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/m;

export function withinParseBudget(text: string): boolean {
  const marks = text.match(MARKUP_CHAR)?.length ?? 0;
  if (marks > MAX_MARKUP_CHARS) return false;
  if (marks > MAX_MARKUP_CHARS_PER_WORD) {
    for (const word of text.split(/\s+/)) {
      if (
        word.length > MAX_MARKUP_CHARS_PER_WORD &&
        (word.match(MARKUP_CHAR)?.length ?? 0) > MAX_MARKUP_CHARS_PER_WORD
      )
        return false;
    }
  }
  return !DEEP_NESTING.test(text);
}
