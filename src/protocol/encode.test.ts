import { describe, expect, it } from 'vitest';
import {
  action,
  botFirstMessage,
  conversationStart,
  deleteUserConversations,
  editMessage,
  getUserConversationsV2,
  metadata,
  userMessage,
  withSocketId,
} from './encode';
import { isUuidV4 } from './ids';
import type { OutgoingFile } from './model';
import { frameByteLength, MAX_FRAME_BYTES, serialize, toWire } from './serialize';

const payloadOf = (f: { event: { event_payload: Record<string, unknown> } }) => f.event.event_payload;

describe('encode', () => {
  it('wraps every frame as sendMessage', () => {
    expect(conversationStart()).toEqual({
      action: 'sendMessage',
      event: { event_type: 'conversation_start', event_payload: {} },
    });
  });

  it('sends only the identity fields that are set', () => {
    expect(payloadOf(conversationStart({ identity: { userId: 'u' } }))).toEqual({ userId: 'u' });
    expect(payloadOf(conversationStart({ identity: { email: 'e@x', firstName: '' } }))).toEqual({
      userBasicInfo: { email: 'e@x' },
    });
  });

  it('always uses the `metadata` key, with a safe copy of the metadata', () => {
    const md = JSON.parse('{"plan":"pro","__proto__":{"x":1},"private":{"crmId":"42"}}');
    const p = payloadOf(conversationStart({ metadata: md }));
    expect(p).toEqual({ metadata: { plan: 'pro', private: { crmId: '42' } } });
    expect(p.metadata).not.toBe(md);
    expect(p).not.toHaveProperty('userData');
  });

  describe('userMessage content', () => {
    const file: OutgoingFile = { filename: 'a.pdf', type: 'application/pdf', url: 'https://f/a.pdf' };
    const base = { conversationId: 'c', clientMsgId: 'id' };

    it('is {type:text} for text only', () => {
      expect(payloadOf(userMessage({ ...base, text: 'hi' }))).toEqual({
        type: 'message_create',
        client_msg_id: 'id',
        conversation_id: 'c',
        content: { type: 'text', text: 'hi' },
      });
      expect(payloadOf(userMessage({ ...base, text: 'hi', files: [] })).content).toEqual({
        type: 'text',
        text: 'hi',
      });
    });

    it('is {text, files} for text with files and {type:files} for files only', () => {
      expect(payloadOf(userMessage({ ...base, text: 'see', files: [file] })).content).toEqual({
        text: 'see',
        files: [file],
      });
      expect(payloadOf(userMessage({ ...base, text: '', files: [file] })).content).toEqual({
        type: 'files',
        files: [file],
      });
      expect(payloadOf(userMessage({ ...base, text: ' \n', files: [file] })).content).toEqual({
        type: 'files',
        files: [file],
      });
    });

    it('sends only the vendor fields of a file', () => {
      const extra = { ...file, blob: new Uint8Array(3), preview: 'blob:x' } as OutgoingFile;
      const content = payloadOf(userMessage({ ...base, text: '', files: [extra] })).content as {
        files: unknown[];
      };
      expect(content.files).toEqual([file]);
      expect(content.files[0]).not.toBe(extra);
    });
  });

  it('makes a UUID v4 when no client id is given', () => {
    for (const f of [
      botFirstMessage('c'),
      metadata({ conversationId: 'c', metadata: {} }),
      editMessage({ conversationId: 'c', messageId: 'm', text: 't' }),
    ]) {
      expect(isUuidV4(payloadOf(f).client_msg_id)).toBe(true);
    }
    expect(payloadOf(botFirstMessage('c', 'given')).client_msg_id).toBe('given');
  });

  it('builds actions with type normal and data {} by default', () => {
    expect(payloadOf(action({ conversationId: 'c', id: 'escalateToHuman' }))).toEqual({
      type: 'normal',
      id: 'escalateToHuman',
      data: {},
      conversation_id: 'c',
    });
    expect(payloadOf(action({ conversationId: 'c', id: 'x', data: { k: 1 } })).data).toEqual({ k: 1 });
  });

  it('sends metadata to the given target', () => {
    expect(
      payloadOf(metadata({ conversationId: 'c', clientMsgId: 'i', metadata: { a: 1 }, target: 'bot_live' })),
    ).toEqual({
      metadata: { a: 1 },
      target: 'bot_live',
      client_msg_id: 'i',
      conversation_id: 'c',
    });
  });

  it('sends v2 pagination as strings and leaves out what is not given', () => {
    expect(payloadOf(getUserConversationsV2({ userId: 'u' }))).toEqual({ userId: 'u' });
    expect(
      payloadOf(
        getUserConversationsV2({ userId: 'u', filter: { a: 1 }, pagination: { page: 2, limit: 25 } }),
      ),
    ).toEqual({
      userId: 'u',
      filter: { a: 1 },
      pagination: { page: '2', limit: '25' },
    });
    expect(
      payloadOf(getUserConversationsV2({ userId: 'u', pagination: { page: Number.NaN, limit: 1 } })),
    ).toEqual({ userId: 'u' });
  });

  it('lets delete_user_conversations be a hard delete', () => {
    expect(payloadOf(deleteUserConversations('u', false))).toEqual({ userId: 'u', softdelete: false });
  });
});

describe('serialize and frameByteLength', () => {
  it('serialises to the JSON text of the frame', () => {
    const f = action({ conversationId: 'c', id: 'x' });
    expect(serialize(f)).toBe(JSON.stringify(f));
  });

  it('counts UTF-8 bytes, not UTF-16 units', () => {
    expect(frameByteLength('abc')).toBe(3);
    expect(frameByteLength('é')).toBe(2);
    expect(frameByteLength('€')).toBe(3);
    expect(frameByteLength('😀')).toBe(4);
    expect('😀'.length).toBe(2);
  });

  it('measures a frame against the 32 KB gateway limit', () => {
    const f = userMessage({ conversationId: 'c', clientMsgId: 'i', text: '€'.repeat(11_000) });
    expect(serialize(f).length).toBeLessThan(MAX_FRAME_BYTES);
    expect(frameByteLength(serialize(f))).toBeGreaterThan(MAX_FRAME_BYTES);
  });
});

describe('withSocketId and toWire', () => {
  it('addresses an event to a socket without touching the original frame', () => {
    const f = action({ conversationId: 'c', id: 'x' });
    const addressed = withSocketId(f, 'sock-9');
    expect(addressed).toEqual({ action: 'sendMessage', event: { ...f.event, socket_id: 'sock-9' } });
    expect(f.event).not.toHaveProperty('socket_id');
  });

  it('serialises and measures once, refusing what is over the limit', () => {
    const f = withSocketId(action({ conversationId: 'c', id: 'x' }), 's');
    const text = serialize(f);
    expect(toWire(f)).toEqual({ ok: true, text, bytes: frameByteLength(text) });
    const big = userMessage({ conversationId: 'c', clientMsgId: 'i', text: '€'.repeat(11_000) });
    expect(toWire(big)).toEqual({ ok: false, bytes: frameByteLength(serialize(big)) });
  });
});
