/**
 * Tiny static HTML pages (`/pages/<name>`) that the demo bot's links, cards and actions point to, so
 * every link in the demo leads somewhere even offline. Fixed content: nothing from a request is echoed.
 */

const PAGES: Record<string, { title: string; body: string }> = {
  'card-1': { title: 'Starter plan', body: 'A plan for trying things out.' },
  'card-2': { title: 'Pro plan', body: 'For growing teams.' },
  'card-3': { title: 'Enterprise plan', body: 'For large organisations.' },
  docs: { title: 'Documentation', body: 'Demo documentation page served by the Captivate hub emulator.' },
  pricing: { title: 'Pricing', body: 'Demo pricing page served by the Captivate hub emulator.' },
  contact: { title: 'Contact us', body: 'Demo contact page (the target of the redirectToContactUs action).' },
};

/** The page's HTML, or undefined when there is no such page. */
export function getPage(name: string): string | undefined {
  const page = Object.hasOwn(PAGES, name) ? PAGES[name] : undefined;
  if (!page) return undefined;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${page.title}</title></head>`,
    `<body><main><h1>${page.title}</h1><p>${page.body}</p></main></body></html>`,
  ].join('\n');
}

/** Headers for the pages: no scripts, no styles, nothing external. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'",
};
