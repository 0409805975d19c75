/** src/markdown: the only place text becomes markup (docs/architecture.md §1). */
export { escapeHtml, plainTextHtml } from './escape';
export type { RenderCache, RenderCacheOptions } from './render-cache';
export { createRenderCache } from './render-cache';
export type { HtmlRenderer } from './render-html';
export { createHtmlRenderer, HTML_MAX_CHARS } from './render-html';
export type { MarkdownRenderer } from './render-markdown';
export { createMarkdownRenderer, MARKDOWN_MAX_CHARS } from './render-markdown';
export type { SafeHtml, TrustedHtml } from './trusted-types';
export { TRUSTED_TYPES_POLICY_NAME, toTrustedHtml } from './trusted-types';
export { isExternalHttp, safeImageUrl, safeUrl } from './url-policy';
