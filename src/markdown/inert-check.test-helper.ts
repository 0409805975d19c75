/**
 * Test helper (not shipped: nothing outside tests imports it). Parses rendered HTML the way the UI
 * will insert it (innerHTML of a div) in an inert jsdom document, and lists every way it could be live;
 * `findLiveElements` checks a tree the renderer built directly. Returns problems instead of throwing so
 * fuzz failures print the whole list.
 */

const FORBIDDEN_TAGS = new Set([
  ...['script', 'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'link'],
  ...['meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'template', 'noscript', 'xmp'],
  ...['noembed', 'noframes', 'plaintext', 'audio', 'video', 'source', 'track', 'slot', 'portal', 'dialog'],
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'cite']);
const ALLOWED_URL = /^(?:https?:|mailto:|tel:)/i;
const HTML_NS = 'http://www.w3.org/1999/xhtml';
/** Start tags exactly as the serialiser writes them: attribute values are always double-quoted. */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:="[^"]*")?)*\s*>/g;
/** Bare elements the parser adds by itself: `</p>` without an open <p>, rows outside <tbody>. */
const PARSER_IMPLIED = new Set(['<p>', '<tbody>']);

let scratch: HTMLElement | undefined;

/** A div in one inert standards-mode document, reused: jsdom slows down badly with a document per call. */
function parse(html: string): HTMLElement {
  scratch ??= document.implementation.createHTMLDocument('').createElement('div');
  scratch.innerHTML = html;
  return scratch;
}

function startTagOf(el: Element): string {
  const shallow = el.cloneNode(false) as Element;
  return shallow.outerHTML.replace(/<\/[^>]*>$/, '');
}

function checkElement(el: Element, problems: string[]): void {
  const tag = el.localName;
  if (FORBIDDEN_TAGS.has(tag)) problems.push(`forbidden element <${tag}>`);
  if (el.namespaceURI !== HTML_NS) problems.push(`non-HTML namespace ${el.namespaceURI} on <${tag}>`);
  for (const attr of el.attributes) {
    const name = attr.name.toLowerCase();
    if (name.startsWith('on')) problems.push(`event handler ${name} on <${tag}>`);
    if (name === 'style' || name === 'srcset' || name === 'srcdoc') problems.push(`${name} on <${tag}>`);
    if (URL_ATTRIBUTES.has(name) && !ALLOWED_URL.test(attr.value)) {
      problems.push(`${name}="${attr.value}" on <${tag}>`);
    }
  }
  if (el.hasAttribute('target')) {
    const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
    if (tag !== 'a') problems.push(`target on <${tag}>`);
    if (!rel.includes('noopener') || !rel.includes('noreferrer'))
      problems.push(`target without rel on <${tag}>`);
  }
}

/** Every way the elements under `root` (a tree built in the DOM, not parsed) could be live. */
export function findLiveElements(root: Element): string[] {
  const problems: string[] = [];
  for (const el of root.querySelectorAll('*')) checkElement(el, problems);
  return problems;
}

export function findLiveMarkup(html: string): string[] {
  const host = parse(html);
  const problems: string[] = [];
  // mXSS guard: when the browser parses the output, no element or attribute may appear that the
  // sanitiser did not emit. Nesting may change (foster parenting, the adoption agency, elements hoisted
  // out of removed ones), which only moves sanitised elements around; a parse that turns text or
  // attribute values into markup is what mXSS looks like, and shows up as a start tag never emitted.
  const emitted = new Set(html.match(START_TAG) ?? []);
  for (const el of host.querySelectorAll('*')) {
    checkElement(el, problems);
    const tag = startTagOf(el);
    if (!emitted.has(tag) && !PARSER_IMPLIED.has(tag)) problems.push(`re-parse created ${tag}`);
  }
  return problems;
}

/** Clickable or loadable things: used for payloads that must leave no link or image at all. */
export function linksAndImages(html: string): string[] {
  const host = parse(html);
  return [...host.querySelectorAll('[href], [src]')].map((el) => el.outerHTML);
}
