import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode } from './decode';
import {
  action,
  botFirstMessage,
  conversationStart,
  deleteAllConversations,
  deleteConversation,
  deleteUserConversations,
  editMessage,
  getUserConversations,
  getUserConversationsV2,
  metadata,
  metadataRequest,
  transcriptRequest,
  userMessage,
} from './encode';
import { INBOUND_EXPECTED } from './fixtures-inbound.expected';
import type { DecodeResult, OutboundFrame } from './frames';
import { isUuidV4, newClientMsgId } from './ids';
import type { OutgoingFile } from './model';
import { serialize } from './serialize';
import { FIXTURES_DIR, fixture, fixtureText } from './test-fixtures';

interface OutCase {
  /** Builds the frame; `id` is a fresh client id for builders that take one. */
  build: (id: string) => OutboundFrame;
  /** Turns a legacy variant of the fixture into the canonical form the builder emits. */
  canonical?: (fixture: Payloaded) => Payloaded;
}

type Payloaded = { event: { event_payload: Record<string, unknown> } };

const identity = {
  userId: 'super-unique-user-id',
  firstName: 'John',
  lastName: 'Doe',
  email: 'john@sample.io',
};

/** `userData` / `userMetadata` are older spellings of `metadata`; the builder always writes `metadata`. */
function renameMetadataKey(from: string): (f: Payloaded) => Payloaded {
  return (f) => {
    const { [from]: value, ...rest } = f.event.event_payload;
    return { ...f, event: { ...f.event, event_payload: { ...rest, metadata: value } } };
  };
}

/** The manual's deletes, as the vendor's client sends them: soft, so the hub's operators keep the record. */
const soft = (f: Payloaded): Payloaded => ({
  ...f,
  event: { ...f.event, event_payload: { ...f.event.event_payload, softdelete: true } },
});

const fileFixture = fixture('out.user_message.files.json') as {
  event: { event_payload: { content: { files: OutgoingFile[] } } };
};

const OUTBOUND: Record<string, OutCase> = {
  'out.action.json': { build: () => action({ conversationId: 'temp123-aaaaa-aaaa', id: 'escalateToHuman' }) },
  'out.conversation_start.json': {
    build: () => conversationStart({ identity, metadata: { plan: 'pro', private: { crmId: '42' } } }),
  },
  'out.conversation_start.userData.json': {
    build: () =>
      conversationStart({
        identity: {
          userId: 'super-unique-user-id',
          firstName: 'Sigrid',
          lastName: 'Ramos',
          email: 'sig@example.com',
        },
        metadata: {},
      }),
    canonical: renameMetadataKey('userData'),
  },
  'out.conversation_start.userMetadata.json': {
    build: () => conversationStart({ identity, metadata: {} }),
    canonical: renameMetadataKey('userMetadata'),
  },
  'out.conversation_transcript_request.json': {
    build: () => transcriptRequest('hart_acb3b13e-4818-40fa-b57e-d8a80feba5c1'),
  },
  'out.delete_conversation.all.json': { build: () => deleteAllConversations('user123'), canonical: soft },
  'out.delete_conversation.json': { build: () => deleteConversation('conv-1'), canonical: soft },
  'out.delete_user_conversations.json': { build: () => deleteUserConversations('user123') },
  'out.edit_message.json': {
    // No id passed: the builder must make a UUID v4 itself.
    build: () =>
      editMessage({ conversationId: 'conv-1', messageId: 'messageId123', text: 'Updated message text' }),
  },
  'out.get_user_conversations.json': { build: () => getUserConversations('user123') },
  'out.get_user_conversations_v2.json': {
    build: () =>
      getUserConversationsV2({
        userId: 'user123',
        search: { mode: 'fred' },
        pagination: { page: 1, limit: 10 },
      }),
  },
  'out.metadata.json': {
    build: () =>
      metadata({ conversationId: 'temp123-aaaaa-aaaa', metadata: { sample_metadata: 'Sample metadata' } }),
  },
  'out.metadata_request.json': { build: () => metadataRequest('conv-1') },
  'out.user_message.bot_first.json': { build: () => botFirstMessage('temp123-aaaaa-aaaa') },
  'out.user_message.files.json': {
    build: (id) =>
      userMessage({
        conversationId: 'your-conversation-id',
        clientMsgId: id,
        text: "Here's the document you requested",
        files: structuredClone(fileFixture.event.event_payload.content.files),
      }),
  },
  'out.user_message.json': {
    build: (id) => userMessage({ conversationId: 'temp123-aaaaa-aaaa', clientMsgId: id, text: 'hello' }),
  },
};

describe('fixtures', () => {
  it('every fixture file has a test, and every test a file', () => {
    const files = readdirSync(FIXTURES_DIR).filter((f) => f !== 'README.md');
    const tested = [...Object.keys(INBOUND_EXPECTED), ...Object.keys(OUTBOUND)];
    expect(files.filter((f) => !tested.includes(f))).toEqual([]);
    expect(tested.filter((f) => !files.includes(f))).toEqual([]);
  });

  describe.each(Object.entries(INBOUND_EXPECTED))('%s', (name, expected: DecodeResult) => {
    it('decodes from socket text to the expected model', () => {
      expect(decode(fixtureText(name))).toStrictEqual(expected);
    });
    it('decodes the already-parsed value the same way', () => {
      expect(decode(fixture(name))).toStrictEqual(expected);
    });
  });

  describe.each(Object.entries(OUTBOUND))('%s', (name, { build, canonical }) => {
    it('is what the builder produces', () => {
      const want = fixture(name) as Payloaded;
      const got = structuredClone(build(newClientMsgId())) as unknown as Payloaded;
      const wantId = want.event.event_payload.client_msg_id;
      const gotId = got.event.event_payload.client_msg_id;
      expect(gotId === undefined).toBe(wantId === undefined);
      if (wantId !== undefined) {
        expect(isUuidV4(gotId)).toBe(true);
        expect(isUuidV4(wantId)).toBe(true);
        got.event.event_payload.client_msg_id = wantId;
      }
      expect(got).toStrictEqual(canonical ? canonical(want) : want);
    });
    it('serialises to JSON that parses back to the same frame', () => {
      const frame = build(newClientMsgId());
      expect(JSON.parse(serialize(frame))).toStrictEqual(frame);
    });
  });
});
