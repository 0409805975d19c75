/**
 * Character references in markdown text. marked leaves `&name;`, `&#NN;` and `&#xNN;` in its text tokens for
 * an HTML parser to decode; the token renderer makes text nodes, so it decodes them itself. The five common
 * ones are decoded here; any other well-formed reference is decoded by the browser's own parser, one
 * reference at a time (the input is `&`, a name or number and `;`: it cannot hold markup), and remembered.
 * Without a DOM, or when a Trusted Types policy refuses, a reference is shown as written.
 */
import { trustedTypesPolicy } from './trusted-types';

/** Exactly what marked lets through undecoded (its escapeTestNoEncode rule). */
const REFERENCE = /&(?:#\d{1,7}|#[Xx][\dA-Fa-f]{1,6}|\w+);/g;
const COMMON: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const MAX_REMEMBERED = 1000;
const remembered = new Map<string, string>();

function parseReference(ref: string): string {
  if (typeof DOMParser !== 'function') return ref;
  try {
    const policy = trustedTypesPolicy();
    const markup = policy ? policy.createHTML(ref) : ref;
    return new DOMParser().parseFromString(markup as string, 'text/html').body.textContent ?? ref;
  } catch {
    return ref;
  }
}

function decodeReference(ref: string): string {
  const common = COMMON[ref];
  if (common !== undefined) return common;
  let text = remembered.get(ref);
  if (text === undefined) {
    text = parseReference(ref);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(ref, text);
  }
  return text;
}

/** The text a browser would show for `text` written in HTML, for text that holds no tags. */
export function decodeReferences(text: string): string {
  return text.includes('&') ? text.replace(REFERENCE, decodeReference) : text;
}
