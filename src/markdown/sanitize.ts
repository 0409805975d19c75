/**
 * The sanitiser: a dedicated DOMPurify instance with one hook that applies url-policy.ts.
 *
 * Config choices (docs/architecture.md §4: nearly every 2025–26 DOMPurify bypass needed a non-default option):
 * string in, string out; no IN_PLACE, no SAFE_FOR_TEMPLATES, no RETURN_DOM, no function-valued ADD_*.
 * - USE_PROFILES html only: no SVG or MathML, the namespaces behind most mXSS.
 * - ALLOWED_URI_REGEXP http/https/mailto/tel. DOMPurify applies it to every allowed attribute that is not
 *   "URI-safe", so harmless presentational ones that marked emits (ol start, table align) are added to
 *   ADD_URI_SAFE_ATTR (a plain array, not a function).
 * - Forbidden tags beyond the brief: media (DOMPurify lets `data:` through on audio/video/source/track),
 *   picture, map/area, slot (would project host light DOM into our shadow root), dialog, and
 *   option/optgroup/datalist: useless without <select>, and when an unknown element between two
 *   <option>s is removed the options end up nested, a tree the browser cannot rebuild from the output.
 * - Forbidden attributes: style (strict CSP), srcset (a second, unchecked image URL), class/id/name
 *   (clobbering and styling hooks into the widget's own CSS; no code highlighting), role/tabindex,
 *   ARIA and data-* (bot HTML must not fake the widget's markup, e.g. `data-sender="user"`, or create live
 *   regions inside our log), popover/hidden/inert (hide or float content), background (an image URL
 *   that would dodge the image policy), download, usemap/ismap.
 */

import type { Config, DOMPurify as Purifier } from 'dompurify';
import DOMPurify from 'dompurify';
import { trustedTypesPolicy } from './trusted-types';
import { isExternalHttp, safeImageUrl, safeUrl } from './url-policy';

const BASE_CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    ...['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed'],
    ...['link', 'meta', 'base', 'noscript', 'template'],
    ...['audio', 'video', 'source', 'track', 'picture', 'map', 'area', 'slot', 'dialog'],
    ...['option', 'optgroup', 'datalist'],
  ],
  FORBID_ATTR: [
    ...['style', 'srcset', 'class', 'id', 'name', 'role', 'tabindex', 'popover', 'hidden', 'inert'],
    ...['background', 'download', 'usemap', 'ismap'],
  ],
  ALLOW_ARIA_ATTR: false,
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:)/i,
  ADD_URI_SAFE_ATTR: ['start', 'align', 'colspan', 'rowspan', 'dir', 'lang'],
} satisfies Config;

/** Attributes that hold a URL; every one is re-checked with safeUrl after DOMPurify's own check. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'cite', 'poster', 'xlink:href'];

function policeLink(a: Element): void {
  const href = safeUrl(a.getAttribute('href'));
  // Whatever target/rel the input carried, ours replace them (BotFramework-WebChat PR #3220).
  a.removeAttribute('target');
  a.removeAttribute('rel');
  if (href === undefined) {
    a.removeAttribute('href'); // an <a> without href is just its label text
    return;
  }
  a.setAttribute('href', href);
  if (isExternalHttp(href)) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  }
}

function policeImage(img: Element): void {
  const src = safeImageUrl(img.getAttribute('src'));
  if (src === undefined) {
    // Show the alt text instead of a broken or forbidden image. A text node is inert, and <img> has no
    // children, so no subtree with live attributes is detached here.
    img.replaceWith(img.ownerDocument.createTextNode(img.getAttribute('alt') ?? ''));
    return;
  }
  img.setAttribute('src', src);
  img.setAttribute('loading', 'lazy');
  img.setAttribute('referrerpolicy', 'no-referrer');
}

/** afterSanitizeAttributes hook. It must never call sanitize (DOMPurify hooks are not re-entrant). */
function enforceUrlPolicy(node: Element): void {
  const tag = node.nodeName.toLowerCase();
  for (const name of URL_ATTRIBUTES) {
    // <a href> and <img src> have their own rules below. An empty value passes DOMPurify's URI check
    // (it means "this page"); safeUrl refuses it.
    if ((tag === 'a' && name === 'href') || (tag === 'img' && name === 'src')) continue;
    if (node.hasAttribute(name) && safeUrl(node.getAttribute(name)) === undefined) node.removeAttribute(name);
  }
  if (tag === 'a') policeLink(node);
  else if (tag === 'img') policeImage(node);
}

/**
 * The two independent URL checks. Each must hold alone (the other may have a bug), so tests build sanitisers
 * with one switched off; the widget only ever uses `sanitizeHtml`, with both on.
 */
export interface SanitizerLayers {
  /** DOMPurify's own URI check, with our scheme allowlist (`ALLOWED_URI_REGEXP`). */
  uriRule: boolean;
  /** The afterSanitizeAttributes hook that re-checks every URL with url-policy.ts. */
  urlHook: boolean;
}

/** Matches every value: what DOMPurify's URI check becomes when a test switches it off. */
const ANY_URI = /(?:)/;

/** A sanitiser running the given layers. The purifier is created on first use, so importing touches no `window`. */
export function createSanitizer(layers: SanitizerLayers): (html: string) => string {
  let purifier: Purifier | undefined;
  function getPurifier(): Purifier {
    if (purifier) return purifier;
    const instance = DOMPurify(globalThis.window);
    if (!instance.isSupported) throw new Error('DOMPurify is not supported in this environment');
    if (layers.urlHook) instance.addHook('afterSanitizeAttributes', enforceUrlPolicy);
    purifier = instance;
    return instance;
  }
  return (html) => {
    const purify = getPurifier();
    // DOMPurify parses with DOMParser, which without a doctype builds a quirks-mode document, where e.g.
    // `<p><table>` nests instead of closing the <p>. The UI inserts into a standards-mode document, so
    // DOMPurify parses in that mode too and checks the same tree shape the browser will build. The doctype
    // is not part of the returned body markup. (Side effect: leading whitespace of the input is dropped.)
    return purify.sanitize(`<!DOCTYPE html>${html}`, {
      ...BASE_CONFIG,
      ...(layers.uriRule ? {} : { ALLOWED_URI_REGEXP: ANY_URI }),
      // Our policy, or null: null stops DOMPurify from creating its own `dompurify` policy (trusted-types.ts).
      TRUSTED_TYPES_POLICY: trustedTypesPolicy(),
    });
  };
}

/** Sanitises an HTML string with every layer. Throws when no DOM is available; callers fall back to escaped text. */
export const sanitizeHtml: (html: string) => string = createSanitizer({ uriRule: true, urlHook: true });
