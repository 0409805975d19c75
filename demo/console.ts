/**
 * The protocol console (console.html): a developer tool to talk to a hub by hand, frame by frame, and see
 * how the widget's decoder reads each inbound frame.
 */
import {
  action,
  botFirstMessage,
  conversationStart,
  decode,
  getUserConversationsV2,
  metadataRequest,
  newClientMsgId,
  type OutboundFrame,
  serialize,
  transcriptRequest,
  userMessage,
} from '../src/protocol';
import { mountControlPanel } from './console-control';

const $ = <T extends Element>(selector: string): T => document.querySelector<T>(selector)!;
const frames = $<HTMLOListElement>('#frames');
const state = $<HTMLOutputElement>('#state');
const conversation = $<HTMLInputElement>('#conversation');
let socket: WebSocket | undefined;

function log(kind: 'in' | 'out' | 'bad', text: string): void {
  const item = document.createElement('li');
  item.className = kind;
  item.textContent = `${kind === 'out' ? '→' : '←'} ${text}`;
  frames.prepend(item);
}

function send(frame: OutboundFrame | string): void {
  const text = typeof frame === 'string' ? frame : serialize(frame);
  if (socket?.readyState !== WebSocket.OPEN) {
    log('bad', 'not connected');
    return;
  }
  socket.send(text);
  log('out', text);
}

$<HTMLFormElement>('#connect').addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(event.currentTarget as HTMLFormElement);
  socket?.close();
  const url = new URL(String(data.get('url')));
  url.searchParams.set('apiKey', String(data.get('apiKey')));
  socket = new WebSocket(url);
  state.value = 'connecting';
  socket.onopen = () => (state.value = 'open');
  socket.onclose = (e) => (state.value = `closed ${e.code} ${e.reason}`);
  socket.onmessage = (e) => {
    const result = decode(e.data);
    if (result.ok && result.frame.type === 'conversation_start_success')
      conversation.value = result.frame.conversationId;
    log(
      result.ok ? 'in' : 'bad',
      `${e.data}\n  decoded: ${JSON.stringify(result.ok ? result.frame : result.rejection)}`,
    );
  };
});
$('#disconnect').addEventListener('click', () => socket?.close());

const builders: Record<string, () => OutboundFrame> = {
  start: () => conversationStart({ identity: { userId: 'console-user' }, metadata: { source: 'console' } }),
  greet: () => botFirstMessage(conversation.value, newClientMsgId()),
  transcript: () => transcriptRequest(conversation.value),
  escalate: () => action({ conversationId: conversation.value, id: 'escalateToHuman' }),
  metadata_request: () => metadataRequest(conversation.value),
  conversations: () => getUserConversationsV2({ userId: 'console-user', pagination: { page: 1, limit: 10 } }),
};
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-send]')) {
  button.addEventListener('click', () => send(builders[button.dataset.send ?? '']!()));
}
$<HTMLFormElement>('#message').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const text = String(new FormData(form).get('text') ?? '');
  send(userMessage({ conversationId: conversation.value, clientMsgId: newClientMsgId(), text }));
  form.reset();
});
$<HTMLFormElement>('#raw').addEventListener('submit', (event) => {
  event.preventDefault();
  send(String(new FormData(event.currentTarget as HTMLFormElement).get('raw') ?? ''));
});

mountControlPanel($<HTMLFormElement>('#emulator'), $<HTMLOutputElement>('#emulator-state'));
