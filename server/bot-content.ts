/**
 * The demo bot's message parts, one builder per keyword, covering every documented part variant
 * (docs/protocol.md §4). URLs are absolute, built from the address the client reached the hub by, and point at
 * the emulator's own `/assets/*` and `/pages/*` so the demo works offline. (Slightly over 150 lines: it is
 * a catalogue of literal demo content, one short builder per keyword; splitting it would scatter the list.)
 */
import { getAsset } from './assets';

export const QUICK_REPLIES = [
  { label: 'Show cards', value: 'cards' },
  { label: 'Send a file', value: 'file' },
  { label: 'Markdown', value: 'markdown' },
  { label: 'Chat to an agent', value: 'agent' },
];

export const KEYWORDS = [
  'help',
  'markdown',
  'cards',
  'file',
  'image',
  'links',
  'pause',
  'html',
  'md',
  'nested',
  'long',
  'action',
  'error',
  'agent',
] as const;

const text = (value: string) => ({ type: 'text', text: value });
const size = (name: string) => getAsset(name)?.bytes.length ?? null;

export const greeting = () => [
  text("Hi! I'm the Captivate demo bot, running on the local hub emulator."),
  { type: 'button', buttons: { title: 'What would you like to see?', options: QUICK_REPLIES } },
];

export const helpText = () =>
  text(
    `I answer these keywords:\n\n${KEYWORDS.map((k) => `- **${k}**`).join('\n')}\n\nAnything else, I echo.`,
  );

export const markdownText = (base: string) =>
  text(
    [
      '**Bold**, *italic*, ~~struck~~ and `inline code`.',
      '',
      '1. an ordered item',
      '2. another one',
      '',
      `- a bullet with a [link to a demo page](${base}/pages/docs)`,
      '- a bullet with **nested *emphasis***',
      '',
      '```',
      'const answer = 42;',
      '```',
    ].join('\n'),
  );

export const cards = (base: string) => ({
  type: 'cards',
  cards: [1, 2, 3].map((n) => ({
    text: ['Starter', 'Pro', 'Enterprise'][n - 1],
    description: [`A plan for trying things out.`, `For growing teams.`, `For large organisations.`][n - 1],
    image_url: `${base}/assets/card-${n}.png`,
    link: `${base}/pages/card-${n}`,
  })),
});

export const pdfFile = (base: string) => ({
  type: 'file',
  title: 'Here is a PDF document',
  files: [
    {
      type: 'document',
      url: `${base}/assets/sample.pdf`,
      mimetype: 'application/pdf',
      filename: 'sample.pdf',
      size: size('sample.pdf'),
    },
  ],
});

export const imageFile = (base: string) => ({
  type: 'file',
  title: 'This is the image',
  files: [
    {
      mimetype: 'image/png',
      url: `${base}/assets/image.png`,
      filename: 'image.png',
      size: size('image.png'),
      thumbnail: null,
    },
  ],
});

export const linkButtons = (base: string) => ({
  type: 'buttons',
  buttons: {
    type: 'buttons',
    buttons: [
      { title: 'Documentation', url: `${base}/pages/docs` },
      { title: 'Pricing', url: `${base}/pages/pricing` },
      { title: 'Contact us', url: `${base}/pages/contact` },
    ],
  },
});

export const pauseParts = () => [
  text('Let me think…'),
  { type: 'pause', time: 1200 },
  text('Done thinking!'),
];

export const htmlParts = () => [
  { type: 'html', html: '<p>This is an <strong>HTML</strong> part with a <em>flat</em> value.</p>' },
  {
    type: 'html',
    html: { type: 'html', html: '<p>This <strong>HTML</strong> part is <em>nested</em>.</p>' },
  },
];

export const mdParts = () => [
  { type: 'md', md: '**Markdown** part with a *flat* value and `code`.' },
  { type: 'md', md: { type: 'md', md: '**Markdown** part, *nested* form.' } },
];

/** The variety of `in.bot_message.nested.json`, including a part of unknown type. */
export const nestedParts = (base: string) => [
  'Hello, this part is a bare string.',
  { type: 'cards', cards: { type: 'cards', cards: [cards(base).cards[0]] } },
  { type: 'files', files: { type: 'files', files: [pdfFile(base).files[0]] } },
  ...mdParts().slice(1),
  ...htmlParts().slice(1),
  { type: 'any', any: { type: 'any', customField: 'value' } },
];

/** A bot message too large for the socket (> 32 KB): the hub sends a 413 with a link to it instead. */
export const largeParts = () => {
  const lines = Array.from(
    { length: 400 },
    (_, i) => `${i + 1}. This line is part of a long answer that does not fit in one WebSocket frame.`,
  );
  return [text(`Here is the long answer you asked for:\n\n${lines.join('\n')}`), text('That was the end.')];
};

export const echo = (said: string) => text(`You said: “${said}”. Type **help** to see what I can do.`);

export const filesReceived = (names: readonly string[]) =>
  text(`Thanks, I received ${names.length === 1 ? 'a file' : `${names.length} files`}: ${names.join(', ')}.`);
