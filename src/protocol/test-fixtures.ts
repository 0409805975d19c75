/** Fixture loading for the protocol tests (never imported by the widget). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decode } from './decode';
import type { InboundFrame } from './frames';

/** The payload fixtures of docs/protocol.md, kept in the repository (`fixtures/captivate/`). */
export const FIXTURES_DIR = path.resolve(__dirname, '../../fixtures/captivate');

export function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
}

export function fixture(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

/** Decodes a bare event and returns the frame, failing the test when it was rejected. */
export function decodeFrame(eventType: string, payload: unknown): InboundFrame {
  const r = decode({ event_type: eventType, event_payload: payload });
  if (!r.ok) throw new Error(`rejected: ${JSON.stringify(r.rejection)}`);
  return r.frame;
}
