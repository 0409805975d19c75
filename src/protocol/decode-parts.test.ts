import { describe, expect, it } from 'vitest';
import { decodeParts } from './decode-parts';
import { LIMITS } from './guards';

describe('decodeParts: text', () => {
  it('turns bare string parts into text parts and drops blank ones', () => {
    expect(decodeParts(['Hello', '', '   ', { type: 'text', text: 'x' }])).toEqual([
      { kind: 'text', text: 'Hello' },
      { kind: 'text', text: 'x' },
    ]);
  });

  it('accepts a single string or a single object instead of an array', () => {
    expect(decodeParts('hello')).toEqual([{ kind: 'text', text: 'hello' }]);
    expect(decodeParts({ type: 'text', text: 'hi' })).toEqual([{ kind: 'text', text: 'hi' }]);
    expect(decodeParts(undefined)).toEqual([]);
    expect(decodeParts(null)).toEqual([]);
  });

  it('does not truncate long text', () => {
    const long = 'a'.repeat(200_000);
    expect(decodeParts([long])).toEqual([{ kind: 'text', text: long }]);
  });

  it('unwraps a text value nested as {type, text}', () => {
    expect(decodeParts([{ type: 'text', text: { type: 'text', text: 'deep' } }])).toEqual([
      { kind: 'text', text: 'deep' },
    ]);
  });

  it('matches the part type case- and space-insensitively', () => {
    expect(decodeParts([{ type: ' Text ', text: 'x' }])).toEqual([{ kind: 'text', text: 'x' }]);
  });

  it('skips values that are not parts at all', () => {
    expect(decodeParts([42, true, null, ['nested'], 'ok'])).toEqual([{ kind: 'text', text: 'ok' }]);
  });
});

describe('decodeParts: user content', () => {
  const file = { filename: 'a.pdf', type: 'application/pdf', url: 'https://x/a.pdf' };

  it('splits {text, files} into a text part and a files part', () => {
    expect(decodeParts({ text: 'see this', files: [file] })).toEqual([
      { kind: 'text', text: 'see this' },
      {
        kind: 'files',
        files: [{ url: 'https://x/a.pdf', kind: 'file', name: 'a.pdf', mimeType: 'application/pdf' }],
      },
    ]);
  });

  it('reads a sent file whose only URL is storage.presignedUrl', () => {
    const sent = {
      filename: 'p.png',
      type: 'image/png',
      storage: { presignedUrl: 'https://s/p.png', fileSize: 12 },
    };
    expect(decodeParts({ type: 'files', files: [sent] })).toEqual([
      {
        kind: 'files',
        files: [{ url: 'https://s/p.png', kind: 'image', name: 'p.png', mimeType: 'image/png', size: 12 }],
      },
    ]);
  });

  it('treats the empty bot-first message as no parts', () => {
    expect(decodeParts({ type: 'text', text: '' })).toEqual([]);
  });

  it('keeps an untyped object with neither text nor files as unknown', () => {
    expect(decodeParts([{ foo: 1 }])).toEqual([{ kind: 'unknown', type: '', raw: { foo: 1 } }]);
  });
});

describe('decodeParts: buttons', () => {
  it('reads quick replies from button/buttons parts', () => {
    const options = [{ label: 'A', value: 'a' }];
    for (const type of ['button', 'buttons']) {
      expect(decodeParts([{ type, buttons: { title: 'Pick', options } }])).toEqual([
        { kind: 'choices', title: 'Pick', options },
      ]);
    }
  });

  it('fills a missing label or value from the other, and accepts strings and numbers', () => {
    const options = [{ label: 'L' }, { value: 'V' }, 'S', { label: 1, value: 2 }, { label: '' }, null];
    expect(decodeParts([{ type: 'buttons', buttons: { options } }])).toEqual([
      {
        kind: 'choices',
        options: [
          { label: 'L', value: 'L' },
          { label: 'V', value: 'V' },
          { label: 'S', value: 'S' },
          { label: '1', value: '2' },
        ],
      },
    ]);
  });

  it('drops a choices part without a usable option but keeps the rest of the message', () => {
    expect(decodeParts(['before', { type: 'button', buttons: { options: [{}, null] } }, 'after'])).toEqual([
      { kind: 'text', text: 'before' },
      { kind: 'text', text: 'after' },
    ]);
  });

  it('reads link buttons from buttons.buttons and skips those without url', () => {
    const buttons = [{ title: 'Docs', url: 'https://d' }, { url: 'https://u' }, { title: 'no url' }];
    expect(decodeParts([{ type: 'buttons', buttons: { type: 'buttons', title: 'Go', buttons } }])).toEqual([
      {
        kind: 'links',
        title: 'Go',
        links: [
          { title: 'Docs', url: 'https://d' },
          { title: 'https://u', url: 'https://u' },
        ],
      },
    ]);
  });

  it('caps options', () => {
    const options = Array.from({ length: 500 }, (_, i) => ({ label: `o${i}`, value: `${i}` }));
    const [part] = decodeParts([{ type: 'buttons', buttons: { options } }]);
    expect(part?.kind === 'choices' && part.options.length).toBe(LIMITS.options);
  });
});

describe('decodeParts: cards', () => {
  it('reads cards from a list, a nested {type, cards} and a single card', () => {
    const card = { text: 'T', description: 'D', image_url: 'https://i', link: 'https://l' };
    const want = [
      { kind: 'cards', cards: [{ title: 'T', description: 'D', imageUrl: 'https://i', link: 'https://l' }] },
    ];
    expect(decodeParts([{ type: 'cards', cards: [card] }])).toEqual(want);
    expect(decodeParts([{ type: 'cards', cards: { type: 'cards', cards: [card] } }])).toEqual(want);
    expect(decodeParts([{ type: 'cards', cards: card }])).toEqual(want);
  });

  it('drops empty cards and card parts with no card', () => {
    expect(decodeParts([{ type: 'cards', cards: [{}, { text: 'x' }] }])).toEqual([
      { kind: 'cards', cards: [{ title: 'x' }] },
    ]);
    expect(decodeParts([{ type: 'cards', cards: [] }])).toEqual([]);
  });

  it('caps cards', () => {
    const [part] = decodeParts([{ type: 'cards', cards: Array.from({ length: 99 }, () => ({ text: 'c' })) }]);
    expect(part?.kind === 'cards' && part.cards.length).toBe(LIMITS.cards);
  });
});
