/** src/markdown: the only place text becomes HTML (docs/architecture.md §1). */
export { escapeHtml, plainTextHtml } from './escape';
export type { Renderer } from './render';
export { createRenderer, MARKDOWN_MAX_CHARS, renderHtml, renderMarkdown } from './render';
export type { RenderCache, RenderCacheOptions } from './render-cache';
export { createRenderCache } from './render-cache';
export type { SafeHtml, TrustedHtml } from './trusted-types';
export { TRUSTED_TYPES_POLICY_NAME, toTrustedHtml } from './trusted-types';
export { isExternalHttp, safeImageUrl, safeUrl } from './url-policy';
