/**
 * The XSS corpus in Chromium, through the built widget: every payload arrives from the hub as a bot message
 * part (markdown text, or an `html` part), and the DOM the widget built for it is audited in the page with
 * the same rules as src/markdown/inert-check.test-helper.ts (jsdom), plus a re-parse of its markup in an inert
 * document (mutation XSS). Alerts and handlers would also show as dialogs or `window.__xss`.
 * A second test hosts the widget under `require-trusted-types-for 'script'`.
 */
import type { Page } from '@playwright/test';
import {
  BAD_URLS,
  HTML_PAYLOADS,
  HTML_URL_WRAPPERS,
  MARKDOWN_TRICKS,
  MARKDOWN_URL_WRAPPERS,
  MUTATION_XSS,
  RAW_TEXT_TRICKS,
} from '../src/markdown/xss-payloads.test-helper';
import { expect, storedConversationId, test } from './support/fixtures';

interface Case {
  name: string;
  part: { type: 'text'; text: string } | { type: 'html'; html: string };
  /** The payload must leave no link and no image at all. */
  noLinks: boolean;
}

const md = (name: string, text: string, noLinks = false): Case => ({
  name,
  part: { type: 'text', text },
  noLinks,
});
const html = (name: string, value: string, noLinks = false): Case => ({
  name,
  part: { type: 'html', html: value },
  noLinks,
});

const CASES: Case[] = [
  ...BAD_URLS.flatMap((url) => [
    ...MARKDOWN_URL_WRAPPERS.map(([kind, wrap]) => md(`${kind} ${url}`, wrap(url), true)),
    ...HTML_URL_WRAPPERS.map(([kind, wrap]) => html(`html ${kind} ${url}`, wrap(url), true)),
  ]),
  ...HTML_PAYLOADS.flatMap((p) => [html(`html ${p}`, p), md(`markdown ${p}`, p, true)]),
  ...MUTATION_XSS.flatMap((p) => [
    html(`html mXSS ${p.slice(0, 60)}`, p),
    md(`markdown mXSS ${p.slice(0, 60)}`, p, true),
  ]),
  ...MARKDOWN_TRICKS.map((p) => md(`trick ${p}`, p)),
  ...RAW_TEXT_TRICKS.map((p) => md(`raw text ${p}`, p, true)),
];

/** Runs in the page: every way the rich content of one bubble could be live (inert-check.test-helper.ts). */
function audit(bubble: Element): string[] {
  const FORBIDDEN = new Set([
    ...['script', 'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'link'],
    ...['meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'template', 'noscript', 'xmp'],
    ...['noembed', 'noframes', 'plaintext', 'audio', 'video', 'source', 'track', 'slot', 'portal', 'dialog'],
  ]);
  const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'cite']);
  const problems: string[] = [];
  const check = (el: Element) => {
    const tag = el.localName;
    if (FORBIDDEN.has(tag)) problems.push(`forbidden element <${tag}>`);
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml')
      problems.push(`namespace ${el.namespaceURI} <${tag}>`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`event handler ${name} on <${tag}>`);
      if (name === 'style' || name === 'srcset' || name === 'srcdoc') problems.push(`${name} on <${tag}>`);
      if (URL_ATTRIBUTES.has(name) && !/^(?:https?:|mailto:|tel:)/i.test(attr.value))
        problems.push(`${name}="${attr.value}" on <${tag}>`);
    }
    if (el.hasAttribute('target')) {
      const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
      if (tag !== 'a' || !rel.includes('noopener') || !rel.includes('noreferrer'))
        problems.push(`target on <${tag}>`);
    }
  };
  const content = bubble.querySelector('.cc-md');
  if (!content) return ['no .cc-md in the bubble'];
  for (const el of content.querySelectorAll('*')) check(el);
  // Mutation XSS: parse the markup again in an inert document; nothing new may appear.
  const scratch = document.implementation.createHTMLDocument('').createElement('div');
  scratch.innerHTML = content.innerHTML;
  const startTag = (el: Element) => (el.cloneNode(false) as Element).outerHTML.replace(/<\/[^>]*>$/, '');
  const emitted = new Set([...content.querySelectorAll('*')].map(startTag));
  for (const el of scratch.querySelectorAll('*')) {
    check(el);
    const tag = startTag(el);
    if (!emitted.has(tag) && tag !== '<tbody>' && tag !== '<p>') problems.push(`re-parse created ${tag}`);
  }
  return problems;
}

async function pushBatch(
  page: Page,
  push: (parts: unknown[], id: string) => void,
  batch: Case[],
  id: string,
) {
  push([...batch.map((c) => c.part), { type: 'text', text: `end of ${id}` }], id);
  const row = page.locator(`[data-message-id="${id}"]`).first();
  await expect(row).toContainText(`end of ${id}`);
  return row;
}

test('the XSS corpus renders inert in Chromium, in the built widget', async ({ page, openHost, hub }) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const w = await openHost(page);
  await w.openChat();
  const conversationId = await storedConversationId(page);
  const push = (content: unknown[], id: string) =>
    hub.control.push(conversationId, {
      event_type: 'bot_message',
      event_payload: { type: 'message_create', ch_msg_id: id, bot: {}, content },
    });
  // Both rich chunks loaded first, so each batch renders in one go.
  const warm = await pushBatch(page, push, [md('warm', '**warm**'), html('warm', '<b>warm</b>')], 'warm');
  await expect(warm.locator('strong')).toHaveText('warm');
  await expect(warm.locator('.cc-md b')).toHaveText('warm');

  const BATCH = 20;
  const failures: string[] = [];
  for (let start = 0; start < CASES.length; start += BATCH) {
    const batch = CASES.slice(start, start + BATCH);
    const row = await pushBatch(page, push, batch, `xss-${start}`);
    const results = await row.evaluate(
      (el, [count, auditSource]) => {
        const run = new Function(`return (${auditSource})`)() as (bubble: Element) => string[];
        const bubbles = [...el.querySelectorAll('.cc-bubble')].slice(0, count);
        return bubbles.map((b) => ({
          problems: run(b),
          links: b.querySelectorAll('.cc-md [href], .cc-md [src]').length,
        }));
      },
      [batch.length, audit.toString()] as const,
    );
    expect(results).toHaveLength(batch.length);
    results.forEach((r, i) => {
      const c = batch[i]!;
      if (r.problems.length) failures.push(`${c.name}: ${r.problems.join('; ')}`);
      if (c.noLinks && r.links > 0) failures.push(`${c.name}: ${r.links} link(s) or image(s)`);
    });
  }
  // Control: the audit does see live markup when there is some.
  const control = await page.evaluate((auditSource) => {
    const run = new Function(`return (${auditSource})`)() as (bubble: Element) => string[];
    const bubble = document.createElement('div');
    const content = bubble.appendChild(document.createElement('div'));
    content.className = 'cc-md';
    const a = content.appendChild(document.createElement('a'));
    a.href = 'javascript:void 0';
    a.setAttribute('onclick', 'x()');
    return run(bubble);
  }, audit.toString());
  expect(control).toEqual(
    expect.arrayContaining(['event handler onclick on <a>', 'href="javascript:void 0" on <a>']),
  );
  expect(failures).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
});

test('under require-trusted-types-for, markdown, references and html parts render with no violation', async ({
  page,
  openHost,
  hub,
}) => {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as { __csp?: string[] };
      w.__csp ??= [];
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const w = await openHost(page, { csp: 'trusted-types' });
  expect(await page.evaluate(() => 'trustedTypes' in window)).toBe(true);
  await w.openChat();
  const conversationId = await storedConversationId(page);
  hub.control.push(conversationId, {
    event_type: 'bot_message',
    event_payload: {
      type: 'message_create',
      ch_msg_id: 'tt-1',
      bot: {},
      content: [
        { type: 'text', text: '**Caf&eacute;** [menu](https://example.com/menu) &lt;b&gt;' },
        { type: 'html', html: '<p>An <em>html</em> part <img src=x onerror="window.__xss=1"></p>' },
      ],
    },
  });
  const row = page.locator('[data-message-id="tt-1"]').first();
  await expect(row.locator('strong')).toHaveText('Café');
  await expect(row.getByRole('link', { name: 'menu' })).toHaveAttribute('href', 'https://example.com/menu');
  await expect(row).toContainText('<b>');
  await expect(row.locator('.cc-md em')).toHaveText('html');
  await expect(row.locator('.cc-md img')).toHaveCount(0);
  await w.send('markdown');
  await expect(page.locator('[data-sender="bot"] ol li').first()).toBeVisible();
  expect(await page.evaluate(() => (window as { __csp?: string[] }).__csp ?? [])).toEqual([]);
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
});
