/**
 * How events leave the leading tab in each send mode (docs/protocol.md §7): over the socket, or POSTed to
 * the hub's HTTP side with the id of the socket that receives the answers, or, in `auto`, whichever the hub
 * takes, as the transport's rule decides (transport/send-mode.ts). This module only applies the rule:
 *   - an event that meets "no HTTP side" never reached the hub, so it goes again the other way; nothing is
 *     sent both ways;
 *   - a socket id is used only until the socket closes: sends wait for the next `socket_connected`, and a hub
 *     that no longer knows the id gets a new socket;
 *   - requests go one at a time, in the order they were made, as over the one socket: a `metadata_request`
 *     made after a `metadata` update reads it, a transcript shows the message sent before it;
 *   - answers in the HTTP body (metadata, conversation lists, confirmations) reach the store as the frames
 *     the socket would give, and transcripts come from the REST route while events go over HTTP.
 */
import type { OutboundFrame } from '../protocol';
import type { SendResult } from '../transport/connection';
import type { HttpSide, SendOutcome } from '../transport/http-side';
import {
  initialSendMode,
  noteSendOutcome,
  type SendEvidence,
  type SendMode,
  type SendModeState,
} from '../transport/send-mode';
import type { Answer } from './outbox';
import type { Sender, SenderFactory } from './sender';

const MAX_BACKOFF_MS = 30_000;

export function waySender(sendMode: SendMode, http: HttpSide | undefined): SenderFactory {
  return (ctx) => {
    let rule: SendModeState = initialSendMode(sendMode, http !== undefined);
    let socketId: string | undefined;
    let retries = 0;
    let last: Promise<unknown> = Promise.resolve();
    const inOrder = <T>(run: () => Promise<T>): Promise<T> => {
      const next = last.then(run, run);
      last = next.catch(() => {});
      return next;
    };

    /** Feeds the rule; a switch is reported (status, and the visitor when nothing is left). */
    function note(evidence: SendEvidence, detail: string): void {
      const next = noteSendOutcome(rule, evidence);
      if (next === rule) return;
      rule = next;
      ctx.wayChanged(rule.way, detail);
    }

    /** The hub does not know the id a request carried: a new socket, unless a newer one is already here. */
    function staleSocket(used: string | undefined): void {
      if (used === undefined || used !== socketId) return;
      socketId = undefined;
      ctx.connection()?.retry();
    }

    /** POSTs in turn, with the socket id current when the request really goes (not when it was queued). */
    function post(side: HttpSide, frame: OutboundFrame): Promise<{ outcome: SendOutcome; used?: string }> {
      return inOrder(async () => {
        const used = socketId;
        return { outcome: await side.send(frame, used), ...(used ? { used } : {}) };
      });
    }

    function reply(outcome: SendOutcome): void {
      if (outcome.kind !== 'delivered') return;
      if (outcome.reply.kind === 'frame') ctx.deliver(outcome.reply.frame);
      else if (outcome.reply.kind === 'rejected') ctx.reject(outcome.reply.rejection);
    }

    function answerFor(outcome: SendOutcome, used: string | undefined): Answer {
      if (outcome.kind !== 'retry') retries = 0;
      switch (outcome.kind) {
        case 'delivered':
          reply(outcome);
          return 'ok';
        case 'no-http-side':
          note({ via: 'http', outcome: 'no-http-side' }, outcome.detail);
          return rule.way === 'socket' ? 'resend' : 'refused';
        case 'stale-socket':
          staleSocket(used);
          return 'resend';
        case 'retry':
          retries += 1;
          return {
            retryInMs: outcome.retryAfterMs ?? Math.min(MAX_BACKOFF_MS, 500 * 2 ** retries),
            mayHaveArrived: outcome.mayHaveArrived,
          };
        case 'unauthorized':
          ctx.wayChanged('none', outcome.detail);
          return 'refused';
        default:
          return 'refused';
      }
    }

    /** A one-off request over HTTP; one that meets "no HTTP side" is asked again the other way. */
    function requestOverHttp(side: HttpSide, frame: OutboundFrame): void {
      const transcriptOf =
        frame.event.event_type === 'conversation_transcript_request'
          ? (frame.event.event_payload as { conversation_id?: unknown }).conversation_id
          : undefined;
      const asked =
        typeof transcriptOf === 'string'
          ? inOrder(() => side.transcript(transcriptOf)).then((outcome) => {
              if (outcome.kind !== 'transcript') return { outcome };
              if (outcome.result.ok) ctx.deliver(outcome.result.frame);
              else ctx.reject(outcome.result.rejection);
              return undefined;
            })
          : post(side, frame);
      void asked.then((answered) => {
        if (!answered) return;
        const { outcome } = answered;
        reply(outcome);
        if (outcome.kind === 'stale-socket') staleSocket('used' in answered ? answered.used : undefined);
        if (outcome.kind !== 'no-http-side') return;
        note({ via: 'http', outcome: 'no-http-side' }, outcome.detail);
        if (rule.way === 'socket') sender.request(frame);
      });
    }

    const sender: Sender = {
      detail: () => ({ sendMode, sendingVia: rule.way }),
      carrier: {
        get answers() {
          return rule.way === 'http';
        },
        send(id, frame, text) {
          if (rule.way === 'socket') return ctx.connection()?.sendText(text) ?? 'not_ready';
          if (rule.way === 'none' || !http || !socketId) return 'not_ready';
          void post(http, frame).then(({ outcome, used }) =>
            ctx.outbox()?.answer(id, answerFor(outcome, used)),
          );
          return 'sent';
        },
      },
      request(frame): SendResult {
        if (rule.way === 'socket') return ctx.connection()?.send(frame) ?? 'not_ready';
        if (rule.way === 'none' || !http || !socketId) return 'not_ready';
        requestOverHttp(http, frame);
        return 'sent';
      },
      onReady(id) {
        socketId = id;
      },
      onDown() {
        socketId = undefined;
      },
      gatewayRefused(): boolean {
        const before = rule.way;
        note({ via: 'socket', outcome: 'gateway-refused' }, 'the hub refused events over the socket');
        // Told by the switch, or (events going over HTTP) the answer to a keepalive: not the visitor's business.
        return before !== 'socket' || rule.way !== 'socket';
      },
    };
    return sender;
  };
}
