/**
 * What every `in.*` fixture must decode to, written out by hand (test-only data; no snapshots, so a
 * change in the decoder's output is always a reviewed change here).
 */
import type { DecodeResult } from './frames';

const E1 = 'Vp6x7GxOLPEFb7A=';
const TRANSCRIPT_ID = 'hart_acb3b13e-4818-40fa-b57e-d8a80feba5c1';
const LEX = 'AWS-LEX-QORBITAL-DEMO';
const escalate = { id: 'escalateToHuman', data: {}, type: 'normal' };

export const INBOUND_EXPECTED: Record<string, DecodeResult> = {
  'in.action.json': {
    ok: true,
    eventId: E1,
    frame: { type: 'action', actions: [{ id: 'redirectToContactUs', data: {}, type: 'normal' }] },
  },
  'in.action.legacy.json': {
    ok: true,
    eventId: E1,
    frame: {
      type: 'action',
      actions: [{ id: 'redirectToContactUs', data: { url: 'https://example.com/contact' }, type: 'normal' }],
    },
  },
  'in.action.title.json': { ok: true, eventId: E1, frame: { type: 'action', actions: [escalate] } },
  'in.bot_message.json': {
    ok: true,
    eventId: E1,
    frame: {
      type: 'bot_message',
      messageId: 'f14efe6e-773a-4a52-85f5-90b6d801f2d1',
      parts: [
        { kind: 'text', text: "Hi. I'm the Captivate Bot." },
        { kind: 'text', text: 'You can leave us your contact details or you can chat to us directly now!' },
        {
          kind: 'choices',
          title: 'Please choose from one of the following:',
          options: [
            { label: 'Leave Contact Details', value: 'Leave Contact Details' },
            { label: 'Chat to Agent', value: 'Chat to Agent' },
          ],
        },
      ],
    },
  },
  'in.bot_message.nested.json': {
    ok: true,
    eventId: E1,
    frame: {
      type: 'bot_message',
      messageId: '9a8b7c6d-3333-4e5f-8a9b-0c1d2e3f4a5b',
      parts: [
        { kind: 'text', text: 'Hello, how can I assist you?' },
        {
          kind: 'cards',
          cards: [
            {
              title: 'Card 1 Title',
              description: 'Card 1 description',
              imageUrl: 'https://example.com/1.jpg',
              link: 'https://example.com/1',
            },
          ],
        },
        {
          kind: 'files',
          files: [
            {
              url: 'https://example.com/example.pdf',
              kind: 'file',
              name: 'example.pdf',
              mimeType: 'application/pdf',
            },
          ],
        },
        { kind: 'md', md: '**Markdown** message with *italic* and `code`.' },
        { kind: 'html', html: '<p>This is an <strong>HTML</strong> message.</p>' },
        { kind: 'unknown', type: 'any', raw: { type: 'any', any: { type: 'any', customField: 'value' } } },
      ],
    },
  },
  'in.bot_message.special.json': {
    ok: true,
    eventId: E1,
    frame: {
      type: 'bot_message',
      messageId: '0b7a3c1e-5d2f-4e8a-9b6c-7d1e2f3a4b5c',
      parts: [
        { kind: 'text', text: '**Bold** and a [link](https://example.com).' },
        { kind: 'pause', ms: 800 },
        {
          kind: 'cards',
          cards: [
            {
              title: 'Card text',
              description: 'Card description',
              imageUrl: 'https://example.com/image.jpg',
              link: 'https://example.com/card',
            },
          ],
        },
        // `filename`, `size` and `thumbnail` are null in the fixture: absent here.
        {
          kind: 'files',
          title: 'This is the image',
          files: [{ url: 'https://example.com/image.png', kind: 'image', mimeType: 'image/png' }],
        },
        { kind: 'links', links: [{ title: 'Button 1', url: 'https://example.com/1' }] },
      ],
    },
  },
  'in.conversation_metadata.json': {
    ok: true,
    eventId: E1,
    frame: {
      type: 'conversation_metadata',
      conversationId: 'conv-1',
      metadata: { sessionId: 'session-1234', plan: 'pro' },
    },
  },
  'in.conversation_start_success.bare.json': {
    ok: true,
    eventId: 'Vp6xHFY9LPEFYXw=',
    frame: { type: 'conversation_start_success', conversationId: 'd1816568-2b18-4e8b-a09e-ec6f86eeccfd' },
  },
  'in.conversation_start_success.json': {
    ok: true,
    eventId: 'Vp6xHFY9LPEFYXw=',
    frame: {
      type: 'conversation_start_success',
      conversationId: 'super-unique-user-id-d1816568-2b18-4e8b-a09e-ec6f86eeccfd',
    },
  },
  'in.conversation_transcript.example.json': {
    ok: true,
    eventId: 'WvVB-EB6rPEFkJQ=',
    frame: {
      type: 'conversation_transcript',
      conversationId: TRANSCRIPT_ID,
      entries: [
        { sender: 'user', parts: [{ kind: 'text', text: 'hello' }], actions: [] },
        {
          sender: 'bot',
          name: LEX,
          parts: [{ kind: 'text', text: "Hi. I'm the Captivate Bot." }],
          actions: [],
        },
        { sender: 'user', parts: [{ kind: 'text', text: 'agent' }], actions: [] },
        {
          sender: 'bot',
          name: LEX,
          parts: [{ kind: 'text', text: 'Please wait while I connect you to the support team.' }],
          // Listed both on the entry and inside `messages`: kept once.
          actions: [escalate],
        },
        // `from: "agent "`; an agent entry takes its name from `livechatName`, which is absent.
        {
          sender: 'agent',
          parts: [{ kind: 'text', text: 'Our agents are currently busy at the moment.' }],
          actions: [],
        },
      ],
    },
  },
  'in.conversation_transcript.template.json': {
    ok: true,
    eventId: 'WvVB-EB6rPEFkJQ=',
    frame: {
      type: 'conversation_transcript',
      conversationId: TRANSCRIPT_ID,
      entries: [
        { sender: 'user', parts: [{ kind: 'text', text: 'hello' }], actions: [] },
        {
          sender: 'bot',
          name: 'Demo bot',
          parts: [
            { kind: 'text', text: 'Hi! How can I help?' },
            {
              kind: 'choices',
              title: 'Choose from the following:',
              options: [{ label: 'button label 1', value: 'button value 1' }],
            },
          ],
          actions: [],
        },
        { sender: 'agent', name: 'Slack', parts: [{ kind: 'text', text: 'Agent here.' }], actions: [] },
      ],
    },
  },
  'in.conversation_update.connected.json': {
    ok: true,
    frame: {
      type: 'agent_update',
      status: 'connected',
      conversationId: 'conv-1',
      agent: {
        name: 'Dana',
        avatar: 'https://example.com/dana.png',
        raw: { agentInfo: { name: 'Dana', avatar: 'https://example.com/dana.png' } },
      },
    },
  },
  // `data: {}` says nothing about the agent, so there is no `agent`.
  'in.conversation_update.disconnected.json': {
    ok: true,
    frame: { type: 'agent_update', status: 'disconnected', conversationId: 'conv-1' },
  },
  'in.conversation_update.failed.json': {
    ok: true,
    frame: { type: 'agent_update', status: 'failed', conversationId: 'conv-1' },
  },
  'in.delete_conversation_success.all.json': {
    ok: true,
    eventId: E1,
    frame: { type: 'delete_conversation_success', userId: 'user123' },
  },
  'in.delete_conversation_success.json': {
    ok: true,
    eventId: E1,
    frame: { type: 'delete_conversation_success', conversationId: 'conv-1' },
  },
  'in.general_error.413.json': {
    ok: true,
    eventId: E1,
    frame: {
      type: 'general_error',
      code: 413,
      conversationId: 'conv-1',
      messageLink: 'http://127.0.0.1:8787/large-message/abc',
    },
  },
  'in.general_error.json': {
    ok: true,
    eventId: 'WJ8pqG9gLPEF9ng=',
    frame: {
      type: 'general_error',
      code: 400,
      conversationId: 'sasa-5beb-4a96-a0d6-8c3369e82627',
      description: 'Invalid conversation_id',
    },
  },
  // Nested in `conversation_update`, code as the string "400"; the outer event has no event_id.
  'in.general_error.nested.json': {
    ok: true,
    frame: {
      type: 'general_error',
      code: 400,
      conversationId: 'sasa-5beb-4a96-a0d6-8c3369e82627',
      description: 'Invalid conversation_id',
    },
  },
  // `conversation_id: ""` means absent; `mimetype: "image"` is a kind, not a MIME type.
  'in.livechat_message.json': {
    ok: true,
    eventId: '103fb31a-a70c-4b16-977c-917956ff12ae',
    frame: {
      type: 'livechat_message',
      parts: [
        { kind: 'text', text: 'hello' },
        {
          kind: 'files',
          files: [{ url: 'https://example.com/agent-upload.jpeg', kind: 'image', mimeType: 'image' }],
        },
      ],
    },
  },
  'in.message_edited_success.json': {
    ok: true,
    eventId: E1,
    frame: { type: 'message_edited_success', conversationId: 'conv-1', messageId: 'messageId123' },
  },
  'in.metadata_update_success.json': {
    ok: true,
    frame: { type: 'metadata_update_success', conversationId: 'temp123-aaaaa-aaaa' },
  },
  'in.socket_connected.bare.json': {
    ok: true,
    eventId: 'Vp6roFYZLPEFfcg=',
    frame: { type: 'socket_connected', socketId: 'Vp6roemHLPECFOQ=' },
  },
  'in.socket_connected.json': {
    ok: true,
    eventId: 'Vp6roFYZLPEFfcg=',
    frame: { type: 'socket_connected', socketId: 'Vp6roemHLPECFOQ=' },
  },
  'in.user_conversations.json': {
    ok: true,
    eventId: E1,
    frame: {
      type: 'user_conversations',
      conversations: [
        { conversationId: 'conv-1', metadata: { plan: 'pro' } },
        { conversationId: 'conv-2', metadata: {} },
      ],
      pagination: { hasNextPage: false, hasPrevPage: false, page: 1, pageSize: 10, total: 2, totalPages: 1 },
    },
  },
};
