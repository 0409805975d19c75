import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { cutMarkedTail, KEPT_EXPORTS } from './marked-lexer-only';

const MARKED = fileURLToPath(new URL('../node_modules/marked/lib/marked.esm.js', import.meta.url));

describe('cutMarkedTail', () => {
  const original = readFileSync(MARKED, 'utf8');

  test('cuts the default instance off, and the lexer still works', async () => {
    const code = cutMarkedTail(original);
    expect(code.length).toBeLessThan(original.length);
    expect(code).not.toMatch(/new [\w$]+;function [\w$]+\([\w$]+,[\w$]+\)\{return/);
    const mod = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as typeof import('marked');
    const tokens = mod.Lexer.lex('**b** [x](https://example.com)', { ...mod.getDefaults(), gfm: true });
    expect(tokens[0]?.type).toBe('paragraph');
    expect(Object.keys(mod).sort()).toEqual([...KEPT_EXPORTS].sort());
  });

  test('a marked file of another shape fails the build', () => {
    expect(() => cutMarkedTail('export{a as Lexer};')).toThrow(/no longer has the expected shape/);
  });
});
