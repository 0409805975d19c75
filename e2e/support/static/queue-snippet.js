// The pre-load snippet from the README, then calls made before the loader runs.
window.CaptivateChat =
  window.CaptivateChat ||
  ((q) => {
    var a = { q: q };
    'open close toggle send sendAction setMetadata identify newConversation on destroy'
      .split(' ')
      .forEach((m) => {
        a[m] = function () {
          q.push([m, [].slice.call(arguments)]);
        };
      });
    return a;
  })([]);
window.__events = [];
window.CaptivateChat.on('ready', () => {
  window.__events.push('ready');
});
window.CaptivateChat.setMetadata({ plan: 'pro', source: 'queued' });
window.CaptivateChat.open();
