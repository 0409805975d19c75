import { describe, expect, test } from 'vitest';
import { MAX_MARKUP_CHARS, MAX_MARKUP_CHARS_PER_WORD, withinParseBudget } from './parse-budget';

describe('withinParseBudget', () => {
  test.each([
    [
      'a long answer',
      '**Answer.** Reset it from *Settings → Security*, see [the guide](https://docs.example.com/a_b).\n\n'.repeat(
        40,
      ),
    ],
    ['snake_case identifiers', 'Call `get_user_by_id` with some_flag_value set.\n'.repeat(40)],
    ['deeply indented code', `\`\`\`\n${' '.repeat(40)}return x;\n\`\`\``],
    ['a link around an image', '[![logo](https://example.com/logo.png)](https://example.com/)'],
    ['quotes nested 8 deep', `${'> '.repeat(8)}deep`],
    ['a list nested 8 deep', Array.from({ length: 8 }, (_, i) => `${'    '.repeat(i)}- x`).join('\n')],
  ])('parses %s', (_name, text) => {
    expect(withinParseBudget(text)).toBe(true);
  });

  test.each([
    ['a delimiter soup word', '*a_'.repeat(20)],
    ['emphasis soup', '_a*'.repeat(6_000)],
    ['too many marks overall', '**a** '.repeat(MAX_MARKUP_CHARS / 4 + 1)],
    ['quotes nested 9 deep', `${'>'.repeat(9)} deep`],
    ['4,000 nested quotes', '>'.repeat(4_000)],
    ['spaced nested quotes', `${'> '.repeat(30)}deep`],
    ['a list nested 20 deep', Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')],
  ])('shows %s as written', (_name, text) => {
    expect(withinParseBudget(text)).toBe(false);
  });

  test('the limits are where the constants say', () => {
    expect(withinParseBudget(`x ${'*'.repeat(MAX_MARKUP_CHARS_PER_WORD)}`)).toBe(true);
    expect(withinParseBudget(`x ${'*'.repeat(MAX_MARKUP_CHARS_PER_WORD + 1)}`)).toBe(false);
    expect(withinParseBudget('*a* '.repeat(MAX_MARKUP_CHARS / 2))).toBe(true);
    expect(withinParseBudget('*a* '.repeat(MAX_MARKUP_CHARS / 2 + 1))).toBe(false);
  });
});
