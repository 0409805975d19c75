/**
 * The main proof that no message is lost or doubled: 200 visitor messages interleaved with 11 faults (sockets
 * dropped mid-send, connections refused for 5–10 s, a hub restart on its data directory, a page reload, and a
 * reload while a message waits offline in the outbox).
 * The hub must receive every message exactly once by `client_msg_id`, in the order typed (but for messages
 * the visitor retried after later ones went through), the screen must show every message of the conversation
 * once and in the order typed, and no second conversation may start.
 * Prints a JSON summary (messages, faults, resends, duplicates, recovery time per fault kind).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createHub, type Hub } from '../server/hub';
import {
  expect,
  hostUrl,
  hubOptionsFor,
  type SendModeUnderTest,
  siteFor,
  storedConversationId,
  test,
  widgetLocators,
} from './support/fixtures';
import { type Site, startSite } from './support/site';

const MESSAGES = 200;
const FAULTS = [
  'drop',
  'refuse',
  'drop',
  'restart',
  'drop',
  'refuse',
  'reload',
  'drop',
  'refuse',
  'drop',
  'reloadQueued',
] as const;
type Fault = (typeof FAULTS)[number];

/** A small seeded generator, so a failing run can be replayed with CHAOS_SEED. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Shown {
  id: string;
  sender: string;
  text: string;
  delivery?: string;
}

/**
 * Scrolls the log from top to bottom and reads every row once, whatever part of it is in the DOM. Each
 * screenful overlaps the one before, so an id seen before comes back only in that overlap: an id in two rows
 * of one screenful, or back after it had scrolled away, is a message shown twice (keeping its id must not hide
 * it), and is returned in `repeatedIds`.
 */
async function readLog(page: Page): Promise<{ rows: Shown[]; repeatedIds: string[] }> {
  const log = widgetLocators(page).log;
  // A long conversation may render only its latest part until older messages are asked for.
  const more = log.getByRole('button', { name: 'Load more' });
  for (let i = 0; i < 100 && (await more.isVisible()); i++) await more.click();
  await log.evaluate((el) => el.scrollTo({ top: 0, behavior: 'instant' }));
  const seen = new Map<string, Shown>();
  const repeated = new Set<string>();
  let previous = new Set<string>();
  for (let step = 0; step < 1000; step++) {
    // One round trip per screenful: wait two frames (a windowed list renders on scroll), read, scroll on.
    const { batch, atEnd } = await log.evaluate(async (el) => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const batch = [...el.querySelectorAll<HTMLElement>('[data-message-id]')].map((m) => ({
        id: m.dataset.messageId!,
        sender: m.dataset.sender!,
        text: [...m.querySelectorAll('.cc-bubble')]
          .map((b) => b.textContent ?? '')
          .join(' ')
          .trim(),
        delivery: m.querySelector('[data-delivery]')?.getAttribute('data-delivery') ?? undefined,
      }));
      const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
      el.scrollBy({ top: el.clientHeight * 0.9, behavior: 'instant' });
      return { batch, atEnd };
    });
    const here = new Set<string>();
    for (const m of batch) {
      if (here.has(m.id) || (seen.has(m.id) && !previous.has(m.id))) repeated.add(m.id);
      here.add(m.id);
      if (!seen.has(m.id)) seen.set(m.id, m);
    }
    previous = here;
    if (atEnd) break;
  }
  return { rows: [...seen.values()], repeatedIds: [...repeated] };
}

test('200 messages through 11 faults arrive exactly once, in order, in one conversation', {
  tag: '@every-mode',
}, async ({ page, sendMode }) => {
  // About two minutes alone; three modes share two cores with the rest of the suite.
  test.setTimeout(300_000);
  await chaos(page, sendMode, 1);
});

test('the same, with a hub that answers only half of the transcript requests', async ({ page, sendMode }) => {
  // Over the socket, where transcripts are what confirms a message (about 1.5 minutes).
  test.setTimeout(420_000);
  await chaos(page, sendMode, 0.5);
});

/**
 * The run. `transcriptAnswerRate` below 1: messages only a transcript can settle may end "failed" when it stays
 * silent; the visitor presses "Retry all", as they would, until none is left.
 */
async function chaos(page: Page, sendMode: SendModeUnderTest, transcriptAnswerRate: number): Promise<void> {
  const seed = Number(process.env.CHAOS_SEED ?? Date.now() % 100_000);
  // First, so a run that fails or hangs can be replayed: CHAOS_SEED=<seed>.
  console.log(
    `CHAOS seed ${seed} (send mode ${sendMode}, transcripts answered ${transcriptAnswerRate * 100} %)`,
  );
  const random = rng(seed);
  const dataDir = mkdtempSync(join(tmpdir(), 'chaos-hub-'));
  const hubOptions = {
    dataDir,
    replyDelayMs: 20,
    transcriptAnswerRate,
    random: rng(seed + 1),
    ...hubOptionsFor(sendMode),
  };
  let hub: Hub = await createHub({ port: 0, ...hubOptions });
  const port = hub.port;
  const earlierFrames: ReturnType<Hub['control']['frames']> = [];
  const site: Site = await startSite(siteFor(hub, sendMode));
  const t0 = Date.now();
  try {
    // Status events, kept across the reload in sessionStorage, to measure recovery after each fault.
    await page.addInitScript(() => {
      const times: Array<{ state: string; at: number }> = JSON.parse(
        sessionStorage.getItem('chaos-status') ?? '[]',
      );
      (window as unknown as { __status: typeof times }).__status = times;
      window.addEventListener('captivate:status', (e) => {
        times.push({ state: (e as CustomEvent).detail.state, at: Date.now() });
        sessionStorage.setItem('chaos-status', JSON.stringify(times));
      });
      // What each page load starts from (the stored tail and outbox, in short), printed if the order breaks.
      const loads: string[] = JSON.parse(sessionStorage.getItem('chaos-loads') ?? '[]');
      const short = (v: string | null) =>
        (v?.match(/"id":"[^"]{0,12}|chaos \d{3}|"pending":true|"status":"\w+"/g) ?? [])
          .join(' ')
          .slice(-6000);
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i) ?? '';
        if (/tail|outbox/.test(key)) loads.push(`${key}: ${short(localStorage.getItem(key))}`);
      }
      sessionStorage.setItem('chaos-loads', JSON.stringify(loads));
    });
    await page.goto(hostUrl(site));
    const w = widgetLocators(page);
    await w.openChat();

    // Fault positions: spread over the run, shuffled by the seed.
    const at = new Map<number, Fault>();
    const order = [...FAULTS].sort(() => random() - 0.5);
    for (const [i, fault] of order.entries()) {
      at.set(Math.floor(((i + 0.5) * MESSAGES) / order.length + (random() - 0.5) * 8), fault);
    }
    /** When each fault ended (the hub reachable again); recovery is measured from there to `connected`. */
    const ended: Array<{ fault: Fault; at: number; lostSend?: boolean }> = [];

    const lastState = () =>
      page.evaluate(
        () => (window as unknown as { __status: Array<{ state: string }> }).__status.at(-1)?.state,
      );
    let lostInTransit = 0;
    for (let n = 1; n <= MESSAGES; n++) {
      const fault = at.get(n);
      // Faults do not overlap: each starts once the widget is back from the one before (recovery is measured).
      if (fault) await expect.poll(lastState, { timeout: 60_000 }).toBe('connected');
      if (fault === 'drop' && lostInTransit % 2 === 0) {
        // Mid-send: this message is lost with its socket; the widget's send() already returned.
        hub.control.loseNext('user_message');
        ended.push({ fault, at: Date.now(), lostSend: true });
      }
      if (fault === 'drop') lostInTransit++;
      if (fault === 'reloadQueued') {
        // Offline, so this message only reaches the stored outbox; the page reloads before the hub is back.
        const ms = 4000;
        hub.control.refuse(ms);
        hub.control.drop();
        await expect.poll(lastState).not.toBe('connected');
        ended.push({ fault, at: Date.now() + ms });
      }
      await w.send(`chaos ${String(n).padStart(3, '0')}`);
      if (!fault) continue;
      if (fault === 'drop' && lostInTransit % 2 === 0) {
        hub.control.drop();
        ended.push({ fault, at: Date.now() });
      } else if (fault === 'refuse') {
        // The visitor keeps typing while the hub is unreachable: the composer queues.
        const ms = 5000 + Math.floor(random() * 5000);
        hub.control.refuse(ms);
        hub.control.drop();
        ended.push({ fault, at: Date.now() + ms });
      } else if (fault === 'restart') {
        // The replies already due run first: a restart cancels the hub's pending replies, and a burst of
        // queued messages just delivered would otherwise lose several echoes the widget never had a chance to show.
        await hub.control.idle();
        await hub.close();
        // Read after closing: frames that arrived while it was shutting down count too.
        earlierFrames.push(...hub.control.frames());
        hub = await createHub({ port, ...hubOptions });
        ended.push({ fault, at: Date.now() });
      } else if (fault === 'reload') {
        ended.push({ fault, at: Date.now() });
        await page.reload();
        await w.launcher.click();
      } else if (fault === 'reloadQueued') {
        await expect(w.log.locator('[data-delivery="sending"]').last()).toBeVisible();
        await page.reload();
        await w.launcher.click();
      }
    }

    const typed = Date.now();
    // Everything settles: no message still sending, the hub quiet. What failed is retried with "Retry all", as
    // a visitor would: a failed message far up the log is out of the windowed DOM, but the notice counts it.
    let retries = 0;
    let retryPresses = 0;
    const retryAll = w.panel.getByRole('button', { name: 'Retry all' });
    /** The whole log, read once nothing in it is sending or failed any more. */
    let log: Awaited<ReturnType<typeof readLog>> | undefined;
    for (let round = 0; round < 30 && !log; round++) {
      await expect(w.log.locator('[data-delivery="sending"]')).toHaveCount(0, { timeout: 120_000 });
      if (await retryAll.isVisible()) {
        const notice = await w.panel.getByText(/\d+ messages? not sent/).textContent();
        retries += Number(notice?.match(/\d+/)?.[0] ?? 0);
        retryPresses += 1;
        await retryAll.click();
        continue;
      }
      // The hub's replies already due are shown before the log is read.
      await hub.control.idle();
      const read = await readLog(page);
      const unsettled = read.rows.some(
        (m) => m.sender === 'user' && (m.delivery === 'sending' || m.delivery === 'failed'),
      );
      if (unsettled) await page.waitForTimeout(2000);
      else log = read;
    }
    expect(log, 'every message settled (sent) within 30 rounds').toBeDefined();

    const conversationId = await storedConversationId(page);
    const statuses = await page.evaluate(
      () => (window as unknown as { __status: Array<{ state: string; at: number }> }).__status,
    );
    const recovery: Record<string, number[]> = {};
    for (const { fault, at: t, lostSend } of ended) {
      // A send lost with its HTTP request leaves the socket up: nothing to recover from (the next `connected`
      // would belong to a later fault). Lost on the socket, it takes the socket with it.
      const felt = !lostSend || statuses.some((x) => x.at >= t && x.at < t + 5000 && x.state !== 'connected');
      const back = statuses.find((x) => x.state === 'connected' && x.at >= t);
      if (back) recovery[fault] = [...(recovery[fault] ?? []), felt ? back.at - t : 0];
    }
    const frames = [...earlierFrames, ...hub.control.frames()];
    const starts = frames.filter((f) => f.eventType === 'conversation_start');
    const userFrames = frames.filter(
      (f) =>
        f.eventType === 'user_message' &&
        ((f.payload as { content?: { text?: string } }).content?.text ?? '') !== '',
    );
    const byId = new Map<string, number>();
    for (const f of userFrames) {
      const id = (f.payload as { client_msg_id: string }).client_msg_id;
      byId.set(id, (byId.get(id) ?? 0) + 1);
    }
    const duplicates = [...byId.values()].filter((c) => c > 1).length;

    const stored = hub.control.conversation(conversationId)!;
    const tag = (text: string) => text.match(/chaos \d{3}/)?.[0] ?? '';
    const hubUser = stored.messages.filter((m) => m.from === 'user').map((m) => tag(JSON.stringify(m.parts)));
    const hubBot = stored.messages
      .filter((m) => m.from === 'bot')
      .map((m) => tag(JSON.stringify(m.parts)))
      .filter(Boolean);
    const { rows: shown, repeatedIds } = log!;
    console.log(
      `CHAOS timing: typing+faults ${typed - t0} ms, settling and reading ${Date.now() - typed} ms`,
    );
    const shownUser = shown.filter((m) => m.sender === 'user').map((m) => m.text);
    const expected = Array.from({ length: MESSAGES }, (_, i) => `chaos ${String(i + 1).padStart(3, '0')}`);
    const shownBot = shown
      .filter((m) => m.sender === 'bot')
      .map((m) => tag(m.text))
      .filter(Boolean);

    const summary = {
      seed,
      messages: MESSAGES,
      faults: FAULTS.length,
      sends: userFrames.length,
      resends: userFrames.length - byId.size,
      duplicatesAtHub: duplicates,
      conversationsStarted: starts.length,
      shownUser: shownUser.length,
      hubBotReplies: hubBot.length,
      shownBotReplies: shownBot.length,
      botRepliesInHubOrder: JSON.stringify(shownBot) === JSON.stringify(hubBot),
      lostInTransit: Math.ceil(lostInTransit / 2),
      transcriptAnswerRate,
      retriesPressed: retries,
      recoveryMs: recovery,
    };
    console.log(`CHAOS ${JSON.stringify({ sendMode, ...summary })}`);
    const twice = shownUser.filter((t, i) => shownUser.indexOf(t) !== i);
    if (twice.length)
      console.log(
        `CHAOS shown twice: ${JSON.stringify(twice)} around ${JSON.stringify(shown.filter((m) => twice.includes(m.text)))}`,
      );

    const firstOff = shownUser.findIndex((t, i) => t !== expected[i]);
    if (firstOff >= 0) {
      const from = shown.findIndex((m) => m.text.includes(shownUser[firstOff]!));
      const rows = shown.slice(Math.max(0, from - 6), from + 30);
      console.log(`CHAOS order: ${rows.map((m) => `${m.sender[0]}:${tag(m.text)}:${m.id}`).join(' ')}`);
      console.log(
        `CHAOS loads:\n${(await page.evaluate(() => sessionStorage.getItem('chaos-loads'))) ?? ''}`,
      );
    }
    const atHub = new Set(userFrames.map((f) => tag(JSON.stringify(f.payload))));
    const neverSent = shown.filter((m) => m.sender === 'user' && !atHub.has(m.text));
    if (neverSent.length) console.log(`CHAOS shown, never at the hub: ${JSON.stringify(neverSent)}`);
    expect(repeatedIds).toEqual([]);
    expect(starts).toHaveLength(1);
    expect(byId.size).toBe(MESSAGES);
    expect(duplicates).toBe(0);
    // The hub has each message once. It files them as they arrive: a message retried after later ones went
    // through comes after them there (each "Retry all" sends its batch in typed order), while the screen keeps
    // the order they were typed in.
    expect([...hubUser].sort()).toEqual(expected);
    const outOfTypedOrder = hubUser.filter((t, i) => i > 0 && t < hubUser[i - 1]!).length;
    expect(outOfTypedOrder).toBeLessThanOrEqual(retryPresses);
    expect(shownUser).toEqual(expected);
    // The bot's echoes: every one the hub produced is shown once. (A restart can swallow the echo of a message
    // received just before it: the hub had stored the message, not yet its reply.) Their order is reported
    // (`botRepliesInHubOrder`), not asserted: echoes made while the socket was down come with a transcript,
    // and where they go depends on what the screen held then.
    expect(hubBot.length).toBeGreaterThanOrEqual(MESSAGES - 2);
    expect([...shownBot].sort()).toEqual([...hubBot].sort());
  } finally {
    await site.close();
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
