import { describe, expect, it } from 'vitest';
import { announcement, MAX_ANNOUNCED_CHARS, plainWords } from './announce-text';

describe('plainWords', () => {
  it('reads markdown as words: no markers, link labels without targets', () => {
    expect(plainWords('**Answer 3.** See [the guide](https://x.example/g) or _reply_ `agent`.')).toBe(
      'Answer 3. See the guide or reply agent.',
    );
    expect(plainWords('Steps:\n\n1. Open **Billing**\n2. Pick it\n- one\n> quoted')).toBe(
      'Steps: Open Billing Pick it one quoted',
    );
    expect(plainWords('```\ncurl x\n```')).toBe('curl x');
  });

  it('reads html as its text', () => {
    expect(plainWords('<p>Hello <b>there</b></p>')).toBe('Hello there');
  });
});

describe('announcement', () => {
  it('names the sender and joins the parts that have words', () => {
    expect(
      announcement('Dana', [
        { kind: 'text', text: 'Hi *there*' },
        { kind: 'choices', title: 'Pick one', options: [] },
        { kind: 'pause', ms: 10 },
      ]),
    ).toBe('Dana: Hi there Pick one');
    expect(announcement(undefined, [{ kind: 'text', text: 'Agent joined' }])).toBe('Agent joined');
  });

  it('says nothing for a message without words, and cuts a long one', () => {
    expect(announcement('Bot', [{ kind: 'files', files: [] }])).toBe('');
    const said = announcement('Bot', [{ kind: 'text', text: 'word '.repeat(500) }]);
    expect(said.length).toBeLessThanOrEqual('Bot: '.length + MAX_ANNOUNCED_CHARS);
    expect(said.endsWith('…')).toBe(true);
  });

  it('reads only the beginning of a huge message: the same words as for its first part', () => {
    const part = {
      kind: 'html' as const,
      html: `<p>${'Lorem <b>ipsum</b> dolor sit amet. '.repeat(600)}</p>`,
    };
    const huge = announcement(
      'Bot',
      Array.from({ length: 200 }, () => part),
    );
    expect(huge).toBe(announcement('Bot', [part]));
    expect(huge.startsWith('Bot: Lorem ipsum dolor sit amet. Lorem')).toBe(true);
    expect(announcement('Bot', [{ kind: 'text', text: 'short' }, part])).toMatch(/^Bot: short Lorem ipsum/);
  });
});
