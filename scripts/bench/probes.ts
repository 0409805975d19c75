/**
 * What the benchmark installs in every page before any page script runs (`addInitScript`), as plain
 * JavaScript source: a function literal here would be rewritten by the TypeScript loader (helpers such as
 * `__name`) and break once serialised into the page.
 *
 * `window.__ccBench` records, in `performance.now()` time of the page:
 *   loaderStart   the first statement of captivate-chat.js: the loader's first act is reading
 *                 `document.currentScript`, so the getter is wrapped and the first read by that script marks it;
 *   transcriptAt  when the latest `conversation_transcript` frame was handed to the page (a listener added in
 *                 the WebSocket constructor runs before the widget's own); `transcripts`: each one's epoch ms;
 *   transcriptApplied  for the first transcript: a promise of the time of the first frame painted after the
 *                 widget reported (a `captivate:message` host event with `history`) the first message it added
 *                 from that transcript: a short one is applied in the task that handed it over, a long one
 *                 over several tasks (keyed, merged, shown, then reported in slices);
 *   transcriptHandledAt  when a message posted from the listener ran: after the task that handed it over,
 *                 and after the slices of a long transcript continued with `scheduler.yield()`;
 *   clickAt       `timeStamp` of the first click (the launcher's);
 *   longTasks     every `longtask` entry [{start, duration}];
 *   statuses      every `captivate:status` event [{state, epoch}] (epoch ms, comparable with Node's clock).
 *   watched       {name: Promise<time painted>} for each `{name: {selector, text?}}` in `window.__ccBenchWatch`
 *                 (set by an earlier init script), watched from the document's start so nothing is missed.
 * `__ccBench.painted(selector, timeoutMs, text?)` resolves with the time of the first frame in which the last
 * element matching `selector` (in the widget's shadow root, else the document) contains `text`: polled in requestAnimationFrame, and the time is
 * taken in a message posted from that callback, which runs after the frame's style, layout and paint.
 */
export const PROBES = String.raw`(() => {
  const bench = { loaderStart: null, transcriptAt: null, transcripts: [], transcriptHandledAt: null, clickAt: null, longTasks: [], statuses: [] };
  let appliedTranscript;
  bench.transcriptApplied = new Promise((resolve) => { appliedTranscript = resolve; });
  const afterThisTask = (then) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then(performance.now());
    channel.port2.postMessage(0);
  };
  window.__ccBench = bench;

  const desc = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript');
  Object.defineProperty(Document.prototype, 'currentScript', {
    configurable: true,
    get() {
      const s = desc.get.call(this);
      if (bench.loaderStart === null && s && /captivate-chat\.js/.test(s.src || '')) bench.loaderStart = performance.now();
      return s;
    },
  });

  const Native = window.WebSocket;
  class BenchSocket extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (typeof e.data === 'string' && e.data.slice(0, 400).includes('"conversation_transcript"')) {
          bench.transcriptAt = performance.now();
          bench.transcripts.push(Date.now());
          if (bench.transcripts.length === 1) {
            afterThisTask((t) => { bench.transcriptHandledAt = t; });
            awaitingApplied = true;
          }
        }
      });
    }
  }
  window.WebSocket = BenchSocket;
  let awaitingApplied = false;
  addEventListener('captivate:message', (e) => {
    if (!awaitingApplied || !e.detail || !e.detail.history) return;
    awaitingApplied = false;
    // rAF never runs inside a task: its frame comes after the task that reported the message (and its microtasks).
    requestAnimationFrame(() => afterThisTask(appliedTranscript));
  }, true);

  addEventListener('click', (e) => { if (bench.clickAt === null) bench.clickAt = e.timeStamp; }, true);
  addEventListener('captivate:status', (e) => bench.statuses.push({ state: e.detail.state, epoch: Date.now() }));
  try {
    new PerformanceObserver((list) => {
      for (const t of list.getEntries()) bench.longTasks.push({ start: t.startTime, duration: t.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}

  // A match is the last element matching the selector (in the shadow root, else the document), and it
  // must contain the text when one is given: "the newest message is the one we wait for".
  const find = (selector, text) => {
    const root = document.querySelector('captivate-chat')?.shadowRoot;
    let all = root ? root.querySelectorAll(selector) : [];
    if (!all.length) all = document.querySelectorAll(selector);
    const last = all[all.length - 1];
    return !!last && (!text || (last.textContent || '').includes(text));
  };
  bench.painted = (selector, timeoutMs, text) => new Promise((resolve, reject) => {
    const deadline = performance.now() + timeoutMs;
    const tick = () => {
      if (find(selector, text)) afterThisTask(resolve);
      else if (performance.now() > deadline) reject(new Error('not painted in time: ' + selector + ' ' + (text || '')));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  bench.launcherPainted = bench.painted('button.launcher', 10000);
  bench.launcherPainted.catch(() => {});
  bench.watched = {};
  for (const [name, w] of Object.entries(window.__ccBenchWatch || {})) {
    bench.watched[name] = bench.painted(w.selector, 120000, w.text);
    bench.watched[name].catch(() => {});
  }

  bench.domNodes = () => {
    let count = 0;
    const walk = (root) => {
      const all = root.querySelectorAll('*');
      count += all.length;
      for (const el of all) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return count;
  };
  bench.messageElements = () => {
    const root = document.querySelector('captivate-chat')?.shadowRoot;
    return root ? root.querySelectorAll('[data-sender]').length : 0;
  };
})();`;

/** The shape of `window.__ccBench`, for `page.evaluate` callers. */
export interface BenchProbe {
  loaderStart: number | null;
  transcriptAt: number | null;
  transcripts: number[];
  transcriptApplied: Promise<number>;
  transcriptHandledAt: number | null;
  clickAt: number | null;
  longTasks: { start: number; duration: number }[];
  statuses: { state: string; epoch: number }[];
  painted(selector: string, timeoutMs: number, text?: string): Promise<number>;
  launcherPainted: Promise<number>;
  watched: Record<string, Promise<number>>;
  domNodes(): number;
  messageElements(): number;
}
