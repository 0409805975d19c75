/**
 * Vite plugin for the widget build: marked's ESM file ends by creating a default `Marked` instance and the
 * `marked()` function with their static helpers, top-level statements that keep marked's Parser and HTML
 * Renderer in the bundle although the widget uses only its Lexer (src/markdown/lex-markdown.ts). This plugin
 * cuts that tail off and exports the classes alone, which saves about 3 KB brotli of the rich-text chunk.
 * The code before the cut is left as it is (so its source map still holds). When marked's file no longer
 * has the expected shape, the build fails rather than silently shipping the whole library.
 */
import type { Plugin } from 'vite';

const MARKED_ESM = /[\\/]node_modules[\\/]marked[\\/]lib[\\/]marked\.esm\.js$/;
/** `var v=new ne;function x(l,e){return v.parse(l,e)}`: the default instance and `marked()`. */
const DEFAULT_INSTANCE = /var [\w$]+=new [\w$]+;function [\w$]+\([\w$]+,[\w$]+\)\{return [\w$]+\.parse\(/;
/** What the cut file still exports: the classes, the defaults and getDefaults, all declared before the cut. */
export const KEPT_EXPORTS: readonly string[] = [
  ...['Hooks', 'Lexer', 'Marked', 'Parser', 'Renderer', 'TextRenderer', 'Tokenizer'],
  ...['defaults', 'getDefaults'],
];
const KEPT = new Set(KEPT_EXPORTS);

/** marked's ESM source without its default instance; throws when the file has another shape. */
export function cutMarkedTail(code: string): string {
  const start = code.search(DEFAULT_INSTANCE);
  const exportAt = code.lastIndexOf('export{');
  const list = /export\{([^}]*)\}/.exec(code.slice(exportAt))?.[1];
  if (start < 0 || exportAt < start || list === undefined) {
    throw new Error('marked.esm.js no longer has the expected shape: update scripts/marked-lexer-only.ts');
  }
  const kept = list.split(',').filter((entry) => {
    const name = entry.split(' as ')[1]?.trim() ?? '';
    return KEPT.has(name);
  });
  if (kept.length !== KEPT.size) {
    throw new Error(
      `marked.esm.js exports changed (kept ${kept.join(',')}): update scripts/marked-lexer-only.ts`,
    );
  }
  return `${code.slice(0, start)}export{${kept.join(',')}};\n`;
}

export function markedLexerOnly(): Plugin {
  return {
    name: 'captivate:marked-lexer-only',
    apply: 'build',
    transform(code, id) {
      if (!MARKED_ESM.test(id)) return undefined;
      try {
        return { code: cutMarkedTail(code), map: null };
      } catch (error) {
        return this.error((error as Error).message);
      }
    },
  };
}
