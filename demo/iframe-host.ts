/** The iframe demo's host side: points the frame at embed.html and talks to it over the bridge. */
const frame = document.querySelector<HTMLIFrameElement>('#chat')!;
const output = document.querySelector<HTMLOutputElement>('#last-event')!;
const params = new URLSearchParams({
  'api-key': 'demo-key',
  url: import.meta.env.VITE_HUB_WS,
  'upload-url': `${import.meta.env.VITE_HUB_HTTP}/api/file-to-text`,
  title: 'Captivate demo',
  'allowed-origins': window.location.origin,
});
frame.src = `/embed.html?${params}`;

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
  if (event.data?.source !== 'captivate-chat' || event.data.type !== 'event') return;
  output.value = `Last event: ${event.data.event}`;
});
document.querySelector('#say-hello')!.addEventListener('click', () => {
  frame.contentWindow?.postMessage(
    { source: 'captivate-chat', type: 'command', command: 'send', args: ['cards'] },
    window.location.origin,
  );
});
