/**
 * One run of each benchmark scenario, each in a fresh browser context (empty cache and storage) on a host
 * page of e2e/support/site.ts embedding the built widget, against the in-process hub emulator. Times are
 * read in the page (see probes.ts); every wait is bounded.
 */
import type { Browser, Page } from 'playwright-core';
import type { Site } from '../../e2e/support/site';
import type { Hub } from '../../server/hub';
import { generatedMessage } from '../../server/seed';
import { countFetched, type FetchedBytes, type NetworkProfile, throttleHttp } from './network';
import { PROBES } from './probes';

export interface Env {
  browser: Browser;
  hub: Hub;
  site: Site;
  /** The widget's localStorage key for the stored conversation id on the bench host page. */
  storageKey: string;
  /** The socket URL the host page gives the widget, when not the hub's own (a delaying proxy, network.ts). */
  socketUrl?: string;
}

const pageUrl = (env: Pick<Env, 'site' | 'socketUrl'>, cfg: Record<string, string> = {}) =>
  `${env.site.origin}/page?cfg=${encodeURIComponent(JSON.stringify(env.socketUrl ? { url: env.socketUrl, ...cfg } : cfg))}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const read = <T>(page: Page, expression: string) => page.evaluate(expression) as Promise<T>;
const watched = (name: string) => `window.__ccBench.watched[${JSON.stringify(name)}]`;
/** The newest message on screen is the one whose text contains `text`. */
const newest = (text: string) => ({ selector: '[data-sender]', text });
type Watch = Record<string, { selector: string; text?: string }>;

/** Seeds `count` messages whose last one, a bot message, says `marker` (ids are the widget's own). */
export function seedHistory(env: Pick<Env, 'hub'>, count: number, marker: string): string {
  const { conversationId } = env.hub.control.seed({ count: count - 1 })!;
  env.hub.control.seed({
    conversationId,
    messages: [{ from: 'bot', content: [{ type: 'text', text: marker }] }],
  });
  return conversationId;
}

async function withPage<T>(env: Env, watch: Watch, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(`window.__ccBenchWatch = ${JSON.stringify(watch)};`);
    await context.addInitScript(PROBES);
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Stores `conversationId` as the widget would have, so the next page load restores it. */
async function storeConversation(env: Env, page: Page, conversationId: string): Promise<void> {
  await page.goto(`${env.site.origin}/blank`);
  await read(
    page,
    `localStorage.setItem(${JSON.stringify(env.storageKey)}, ${JSON.stringify(JSON.stringify(conversationId))})`,
  );
}

export interface StartupRun {
  launcherAfterLoader: number;
  launcherAfterNavigation: number;
  greetingAfterClick: number;
}

/** Loads the page, waits for the launcher, clicks it, waits for the bot's greeting. */
export function startupRun(env: Env): Promise<StartupRun> {
  return withPage(env, { greeting: { selector: '[data-sender="bot"]' } }, async (page) => {
    await page.goto(pageUrl(env));
    const painted = await read<number>(page, 'window.__ccBench.launcherPainted');
    const loaderStart = await read<number>(page, 'window.__ccBench.loaderStart');
    await sleep(200);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const greeted = await read<number>(page, watched('greeting'));
    const clickAt = await read<number>(page, 'window.__ccBench.clickAt');
    return {
      launcherAfterLoader: painted - loaderStart,
      launcherAfterNavigation: painted,
      greetingAfterClick: greeted - clickAt,
    };
  });
}

export interface RestoreRun {
  render: number;
  fromNavigation: number;
  heapMB: number;
  domNodes: number;
  messageElements: number;
}

/** Opens a page whose stored conversation (see seedHistory) ends with `marker`; waits for it painted. */
export function restoreRun(env: Env, conversationId: string, marker: string): Promise<RestoreRun> {
  return withPage(env, { last: newest(marker) }, async (page) => {
    await storeConversation(env, page, conversationId);
    await page.goto(pageUrl(env, { open: 'true' }));
    const painted = await read<number>(page, watched('last'));
    const transcriptAt = await read<number>(page, 'window.__ccBench.transcriptAt');
    await sleep(500);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return {
      render: painted - transcriptAt,
      fromNavigation: painted,
      heapMB: heap.usedSize / 1024 / 1024,
      domNodes: await read<number>(page, 'window.__ccBench.domNodes()'),
      messageElements: await read<number>(page, 'window.__ccBench.messageElements()'),
    };
  });
}

export interface TailRun {
  /** ms from navigation start to the frame that painted the last message, on the second load. */
  fromNavigation: number;
  /** 1 when that frame came before the transcript reached the page (the stored tail was shown), else 0. */
  beforeTranscript: number;
  /** ms from navigation start to the first frame painted after the widget applied the transcript. */
  transcriptApplied: number;
  /**
   * ms from the transcript reaching the page until a message posted then ran: the task that handed it over,
   * and the slices of a long transcript continued with `scheduler.yield()` (probes.ts).
   */
  transcriptHandling: number;
  /**
   * `longtask` entries that started before the transcript was applied and painted, or within
   * AFTER_APPLIED_MS after: count and longest.
   */
  longTasks: number;
  longestTask: number;
  /** What the second load fetched; only counted when it ran under a network profile. */
  bytes: FetchedBytes | null;
}

const AFTER_APPLIED_MS = 500;

/** Rejects when the transcript was not applied within a minute (page.evaluate has no timeout of its own). */
const TRANSCRIPT_APPLIED = `Promise.race([window.__ccBench.transcriptApplied, new Promise((_, reject) =>
  setTimeout(() => reject(new Error('no transcript applied within 60 s')), 60000))])`;

/**
 * Restores a stored conversation, then loads the page again: the second load starts from the stored tail and
 * is measured, under `network` when given (HTTP throttled through CDP; the socket should then go through a
 * delaying proxy, `env.socketUrl`).
 */
export function tailRun(
  env: Env,
  conversationId: string,
  marker: string,
  network?: NetworkProfile,
): Promise<TailRun> {
  return withPage(env, { last: newest(marker) }, async (page) => {
    await storeConversation(env, page, conversationId);
    await page.goto(pageUrl(env, { open: 'true' }));
    await read(page, watched('last'));
    await sleep(700); // the tail is written a moment after the last change
    const cdp = network ? await page.context().newCDPSession(page) : null;
    if (cdp && network) await throttleHttp(cdp, network);
    const fetched = cdp ? await countFetched(cdp) : null;
    await page.reload();
    const painted = await read<number>(page, watched('last'));
    const applied = await read<number>(page, TRANSCRIPT_APPLIED);
    // What follows the apply (the rest of its host events, the stored tail's update) is part of the restore;
    // long-task entries reach the observer a moment after their task.
    await sleep(AFTER_APPLIED_MS + 200);
    const probe = await read<{ transcriptAt: number; handledAt: number; tasks: LongTask[] }>(
      page,
      '({ transcriptAt: __ccBench.transcriptAt, handledAt: __ccBench.transcriptHandledAt, tasks: __ccBench.longTasks })',
    );
    const restoring = probe.tasks.filter((t) => t.start < applied + AFTER_APPLIED_MS);
    return {
      fromNavigation: painted,
      beforeTranscript: painted < probe.transcriptAt ? 1 : 0,
      transcriptApplied: applied,
      transcriptHandling: probe.handledAt - probe.transcriptAt,
      longTasks: restoring.length,
      longestTask: Math.max(0, ...restoring.map((t) => t.duration)),
      bytes: fetched ? fetched.read() : null,
    };
  });
}

interface LongTask {
  start: number;
  duration: number;
}

/**
 * Opens the panel on a fresh conversation (watch `greeting` with the page) and returns its id once the greeting
 * is painted and the page has settled.
 */
async function openNewConversation(env: Env, page: Page): Promise<string> {
  await page.goto(pageUrl(env, { open: 'true' }));
  await read(page, watched('greeting'));
  const stored = await read<string | null>(page, `localStorage.getItem(${JSON.stringify(env.storageKey)})`);
  await sleep(300);
  return JSON.parse(stored ?? '""') as string;
}

export interface BurstRun {
  longestTask: number;
  totalBlockingTime: number;
  lastRendered: number;
}

/** With the panel open on a fresh conversation, the hub pushes `count` markdown bot messages at once. */
export function burstRun(env: Env, run: number, count: number): Promise<BurstRun> {
  const id = (i: number) => `burst-${run}-${i}`;
  const marker = `End of burst ${run}`;
  const watch = { greeting: { selector: '[data-sender="bot"]' }, last: newest(marker) };
  return withPage(env, watch, async (page) => {
    const conversationId = await openNewConversation(env, page);
    const start = await read<number>(page, 'performance.now()');
    for (let i = 0; i < count; i++) {
      const content =
        i === count - 1 ? [{ type: 'text', text: marker }] : generatedMessage(2 * i + 1).content;
      env.hub.control.push(conversationId, {
        event_type: 'bot_message',
        event_payload: { type: 'message_create', ch_msg_id: id(i), bot: {}, content },
      });
    }
    const rendered = await read<number>(page, watched('last'));
    await sleep(500);
    const tasks = (
      await read<{ start: number; duration: number }[]>(page, 'window.__ccBench.longTasks')
    ).filter((t) => t.start + t.duration >= start);
    return {
      longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
      totalBlockingTime: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
      lastRendered: rendered - start,
    };
  });
}

export interface FloodRun {
  /** Main-thread task time (CDP `TaskDuration`) per message, in microseconds. */
  cpuPerMessageUs: number;
  longestTask: number;
  /** Used JS heap after a forced GC, once the flood has settled. */
  heapMB: number;
}

/**
 * With the panel open on a fresh conversation, the hub pushes `total` bot messages in bursts of `burst`, each
 * burst once the one before is painted. CPU is read from CDP's task-duration counter around the whole flood.
 */
export function floodRun(env: Env, run: number, total: number, burst: number): Promise<FloodRun> {
  const watch = { greeting: { selector: '[data-sender="bot"]' } };
  return withPage(env, watch, async (page) => {
    const conversationId = await openNewConversation(env, page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () =>
      (
        (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
      ).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
    const start = await read<number>(page, 'performance.now()');
    const before = await taskSeconds();
    for (let from = 0; from < total; from += burst) {
      const last = Math.min(total, from + burst) - 1;
      const marker = `Flood ${run} end ${last}`;
      for (let i = from; i <= last; i++) {
        const content = [{ type: 'text', text: i === last ? marker : `Flood **${i}**` }];
        env.hub.control.push(conversationId, {
          event_type: 'bot_message',
          event_payload: { type: 'message_create', ch_msg_id: `flood-${run}-${i}`, bot: {}, content },
        });
      }
      await read(page, `window.__ccBench.painted('[data-sender]', 20000, ${JSON.stringify(marker)})`);
    }
    const cpu = (await taskSeconds()) - before;
    await sleep(300);
    const tasks = (
      await read<{ start: number; duration: number }[]>(page, 'window.__ccBench.longTasks')
    ).filter((t) => t.start + t.duration >= start);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return {
      cpuPerMessageUs: (cpu * 1e6) / total,
      longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
      heapMB: heap.usedSize / 1024 / 1024,
    };
  });
}

export interface ReconnectRun {
  afterHubBack: number;
  fromDrop: number;
  /** Until the page received a transcript again (the widget resynchronised); null when it did not. */
  resyncAfterHubBack: number | null;
}

/** Restores a short conversation, then the hub drops every socket and refuses upgrades for `refuseMs`. */
export function reconnectRun(env: Env, conversationId: string, marker: string, refuseMs: number) {
  return withPage(env, { last: newest(marker) }, async (page): Promise<ReconnectRun> => {
    await storeConversation(env, page, conversationId);
    await page.goto(pageUrl(env, { open: 'true' }));
    await read(page, watched('last'));
    await sleep(300);
    const dropAt = Date.now();
    env.hub.control.refuse(refuseMs);
    env.hub.control.drop();
    const backAt = dropAt + refuseMs;
    await page.waitForFunction(
      `window.__ccBench.statuses.some((s) => s.state === 'connected' && s.epoch > ${dropAt})`,
      undefined,
      { timeout: 20_000, polling: 20 },
    );
    const statuses = await read<{ state: string; epoch: number }[]>(page, 'window.__ccBench.statuses');
    const connectedAt = statuses.find((s) => s.state === 'connected' && s.epoch > dropAt)!.epoch;
    let resyncAt: number | null = null;
    for (let i = 0; i < 150 && resyncAt === null; i++) {
      const times = await read<number[]>(page, 'window.__ccBench.transcripts');
      resyncAt = times.find((t) => t > dropAt) ?? null;
      if (resyncAt === null) await sleep(20);
    }
    return {
      afterHubBack: connectedAt - backAt,
      fromDrop: connectedAt - dropAt,
      resyncAfterHubBack: resyncAt === null ? null : resyncAt - backAt,
    };
  });
}
