import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import type { MessagePart, SenderKind } from '../protocol';
import { createMessage } from './messages';
import { formatStamp, transcriptFileName, transcriptText } from './transcript-text';

const { t } = createI18n();
const AT = new Date(2024, 4, 1, 14, 3, 59).getTime();

const msg = (sender: SenderKind, parts: MessagePart[], extra: { senderName?: string; at?: number } = {}) =>
  createMessage({ id: Math.random().toString(36), sender, parts, at: AT, history: false, ...extra });

describe('transcript text', () => {
  it('writes one line per message: [time] Sender: text', () => {
    const text = transcriptText(
      [
        msg('user', [{ kind: 'text', text: 'hello' }]),
        msg('bot', [{ kind: 'text', text: 'Hi! How can I help?' }], { senderName: 'Support' }),
        msg('bot', [{ kind: 'md', md: '**bold** reply' }]),
        msg('agent', [{ kind: 'text', text: 'Dana here' }], { senderName: 'Dana' }),
        msg('system', [{ kind: 'text', text: 'Dana joined the chat' }]),
      ],
      t,
    );
    expect(text).toBe(
      [
        '[2024-05-01 14:03] You: hello',
        '[2024-05-01 14:03] Support: Hi! How can I help?',
        '[2024-05-01 14:03] Assistant: **bold** reply',
        '[2024-05-01 14:03] Dana: Dana here',
        '[2024-05-01 14:03] System: Dana joined the chat',
        '',
      ].join('\n'),
    );
  });

  it('names files, titles buttons, cards and links, and strips html tags', () => {
    const lines = transcriptText(
      [
        msg('user', [
          { kind: 'text', text: 'see attached' },
          {
            kind: 'files',
            files: [
              { url: 'https://x/a.pdf', name: 'a.pdf', kind: 'file' },
              { url: 'https://x/b', kind: 'image' },
            ],
          },
        ]),
        msg('bot', [{ kind: 'choices', title: 'Pick one', options: [{ label: 'Yes', value: 'y' }] }]),
        msg('bot', [{ kind: 'links', links: [{ title: 'Docs', url: 'https://docs.example' }] }]),
        msg('bot', [{ kind: 'cards', cards: [{ title: 'Plan', description: 'Gold', link: 'https://p' }] }]),
        msg('bot', [{ kind: 'html', html: '<p>Hello <b>there</b></p>' }]),
      ],
      t,
    ).split('\n');
    expect(lines).toEqual([
      '[2024-05-01 14:03] You: see attached',
      '  [a.pdf]',
      '  [File]',
      '[2024-05-01 14:03] Assistant: Pick one [Yes]',
      '[2024-05-01 14:03] Assistant: [Docs] https://docs.example',
      '[2024-05-01 14:03] Assistant: Plan — Gold — https://p',
      '[2024-05-01 14:03] Assistant: Hello there',
      '',
    ]);
  });

  it('indents continuation lines and skips what is never shown', () => {
    const text = transcriptText(
      [
        msg('user', [{ kind: 'text', text: '' }]),
        msg('bot', [{ kind: 'pause', ms: 500 }]),
        msg('bot', [{ kind: 'unknown', type: 'x', raw: {} }]),
        msg('bot', [{ kind: 'text', text: 'one\r\ntwo\nthree' }]),
      ],
      t,
    );
    expect(text).toBe('[2024-05-01 14:03] Assistant: one\n  two\n  three\n');
    expect(transcriptText([], t)).toBe('');
  });

  it('stamps local time and names the file after the conversation', () => {
    expect(formatStamp(new Date(2023, 11, 9, 7, 5).getTime())).toBe('2023-12-09 07:05');
    expect(transcriptFileName('3f2a9c1e-0000-4000-8000-000000000000', AT)).toBe(
      'chat-transcript-3f2a9c1e.txt',
    );
    expect(transcriptFileName('../../etc', AT)).toBe('chat-transcript-etc.txt');
    expect(transcriptFileName(undefined, AT)).toBe('chat-transcript-2024-05-01.txt');
  });
});
