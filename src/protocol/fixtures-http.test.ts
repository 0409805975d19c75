import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AnswerDecode, decodeHttpAnswer, decodeRestTranscript } from './decode-http';
import {
  conversationStart,
  deleteConversation,
  deleteUserConversations,
  editMessage,
  getUserConversations,
  getUserConversationsV2,
  metadata,
  metadataRequest,
  userMessage,
} from './encode';
import type { OutboundFrame } from './frames';

const DIR = path.resolve(__dirname, 'fixtures-http');
const body = (name: string): unknown => JSON.parse(readFileSync(path.join(DIR, name), 'utf8'));

const REQUESTS: Record<string, OutboundFrame> = {
  metadata_request: metadataRequest('conv-1'),
  get_user_conversations: getUserConversations('super-unique-user-id'),
  get_user_conversations_v2: getUserConversationsV2({
    userId: 'super-unique-user-id',
    pagination: { page: 1, limit: 1 },
  }),
  delete_conversation: deleteConversation('conv-1'),
  delete_user_conversations: deleteUserConversations('super-unique-user-id'),
  edit_message: editMessage({ conversationId: 'conv-1', messageId: 'messageId123', text: 'fixed' }),
  metadata: metadata({ conversationId: 'conv-1', metadata: { plan: 'pro' } }),
  user_message: userMessage({ conversationId: 'conv-1', clientMsgId: 'm1', text: 'hi' }),
  conversation_start: conversationStart(),
};

const frame = (f: object): AnswerDecode => ({ kind: 'frame', frame: f as never });
const metadataFrame = frame({
  type: 'conversation_metadata',
  conversationId: 'conv-1',
  metadata: { sessionId: 'session-1234', plan: 'pro' },
});

const EXPECTED: Record<string, AnswerDecode> = {
  'answer.metadata_request.json': metadataFrame,
  'answer.metadata_request.bare.json': metadataFrame,
  'answer.metadata_request.wrapped.json': metadataFrame,
  'answer.metadata_request.text.json': { kind: 'none' },
  'answer.get_user_conversations.json': frame({
    type: 'user_conversations',
    conversations: [
      { conversationId: 'conv-1', metadata: { plan: 'pro' } },
      { conversationId: 'conv-2', metadata: {} },
    ],
  }),
  'answer.get_user_conversations_v2.wrapped.json': frame({
    type: 'user_conversations',
    conversations: [{ conversationId: 'conv-1', metadata: { plan: 'pro' } }],
    pagination: { hasNextPage: true, hasPrevPage: false, page: 1, pageSize: 1, total: 2, totalPages: 2 },
  }),
  'answer.get_user_conversations_v2.json': frame({
    type: 'user_conversations',
    conversations: [{ conversationId: 'conv-2', metadata: {} }],
    pagination: { hasNextPage: false, hasPrevPage: true, page: 2, pageSize: 1, total: 2, totalPages: 2 },
  }),
  'answer.delete_conversation.json': frame({ type: 'delete_conversation_success', conversationId: 'conv-1' }),
  'answer.delete_conversation.text.json': frame({
    type: 'delete_conversation_success',
    conversationId: 'conv-1',
  }),
  'answer.delete_user_conversations.json': frame({
    type: 'delete_conversation_success',
    userId: 'super-unique-user-id',
  }),
  'answer.edit_message.json': frame({
    type: 'message_edited_success',
    conversationId: 'conv-1',
    messageId: 'messageId123',
  }),
  'answer.metadata.text.json': frame({ type: 'metadata_update_success', conversationId: 'conv-1' }),
  'answer.metadata.failed.json': {
    kind: 'rejected',
    rejection: { reason: 'invalid_payload', eventType: 'metadata', detail: 'metadata is too large' },
  },
  'answer.user_message.text.json': { kind: 'none' },
  'answer.conversation_start.vendor.json': { kind: 'none' },
};

describe('HTTP answer fixtures', () => {
  const files = readdirSync(DIR).filter((f) => f.startsWith('answer.'));

  it('has an expectation for every answer fixture', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s decodes into the frame the socket would give', (file) => {
    const eventType = file.split('.')[1]!;
    const request = REQUESTS[eventType]!;
    expect(decodeHttpAnswer(request, body(file))).toEqual(EXPECTED[file]);
  });
});

describe('REST transcript fixtures', () => {
  const pdf = {
    url: 'https://files.example.com/document.pdf?sig=abc',
    kind: 'file',
    name: 'document.pdf',
    mimeType: 'application/pdf',
    size: 24011,
    fileKey: 'KEY/conv-1/document.pdf',
    expiresAt: 1704070800000,
  };

  it("the vendor client's shape: ids, content or text, files with storage, timestamps", () => {
    expect(decodeRestTranscript(body('transcript.vendor.json'), 'conv-1')).toEqual({
      ok: true,
      frame: {
        type: 'conversation_transcript',
        conversationId: 'conv-1',
        entries: [
          {
            sender: 'user',
            parts: [
              { kind: 'text', text: "Here's the document you requested" },
              { kind: 'files', files: [pdf] },
            ],
            actions: [],
            messageId: 'msg-1',
            at: 1704063600000,
          },
          {
            sender: 'bot',
            parts: [{ kind: 'text', text: 'Thanks, I have it.' }],
            actions: [],
            messageId: 'msg-2',
            at: Date.parse('2024-01-01T00:00:05.000Z'),
          },
        ],
      },
    });
  });

  it('a verbatim transcript decodes the parts the live frames carried', () => {
    const r = decodeRestTranscript(body('transcript.verbatim.json'), 'conv-1');
    if (!r.ok || r.frame.type !== 'conversation_transcript') throw new Error('rejected');
    expect(r.frame.entries).toEqual([
      {
        sender: 'user',
        parts: [{ kind: 'text', text: 'hello' }],
        actions: [],
        messageId: 'm-1',
        clientMsgId: 'a2d4f6b8-2222-4c6e-8a0b-1c3e5a7b9d0f',
        at: Date.parse('2026-11-29T22:00:00.000Z'),
      },
      {
        sender: 'bot',
        parts: [
          { kind: 'text', text: 'Hi! Pick one:' },
          { kind: 'choices', title: 'Topics', options: [{ label: 'Billing', value: 'billing' }] },
        ],
        actions: [],
        messageId: 'm-2',
        at: Date.parse('2026-11-29T22:00:01.000Z'),
      },
      {
        sender: 'agent',
        name: 'Dana',
        parts: [{ kind: 'text', text: 'Dana here.' }],
        actions: [{ id: 'redirectToContactUs', data: {}, type: 'normal' }],
        messageId: 'm-3',
        at: Date.parse('2026-11-29T22:00:02.000Z'),
      },
    ]);
  });

  it('a normalised transcript: text beside the other parts, files lifted out', () => {
    const r = decodeRestTranscript(body('transcript.normalised.json'), 'other');
    if (!r.ok || r.frame.type !== 'conversation_transcript') throw new Error('rejected');
    expect(r.frame.conversationId).toBe('conv-1');
    expect(r.frame.entries.map((e) => [e.sender, e.parts.map((p) => p.kind), e.messageId, e.at])).toEqual([
      ['user', ['text'], 'm-1', 1795989600000],
      ['bot', ['text', 'cards', 'files'], 'm-2', 1795989601000],
    ]);
    const files = r.frame.entries[1]!.parts[2];
    expect(files).toEqual({
      kind: 'files',
      files: [
        {
          url: 'https://files.example.com/prices.pdf?sig=1',
          kind: 'file',
          name: 'prices.pdf',
          mimeType: 'application/pdf',
          fileKey: 'KEY/conv-1/prices.pdf',
        },
      ],
    });
  });
});
