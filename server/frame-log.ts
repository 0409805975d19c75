/**
 * The log of frames received from clients (for tests and the control interface), plus counters of the
 * frames that were ignored: not JSON objects with an `event_type`, or an unknown `event_type`.
 */
import type { Json } from './wire';

export interface FrameRecord {
  at: number;
  socketId: string;
  conversationId: string | null;
  eventType: string;
  payload: Json;
  /** How the event came: a socket frame, or an HTTP send naming the socket. */
  via: 'socket' | 'http';
}

export interface FrameFilter {
  conversationId?: string | null;
  type?: string | null;
  via?: 'socket' | 'http' | null;
}

export interface FrameStats {
  received: number;
  invalid: number;
  unknown: number;
}

export interface FrameLog {
  record(entry: Omit<FrameRecord, 'at'>): FrameRecord;
  list(filter?: FrameFilter): FrameRecord[];
  countInvalid(): void;
  countUnknown(): void;
  stats(): FrameStats;
  /** Clears the log and the counters. */
  clear(): void;
}

export function createFrameLog(limit = 10_000): FrameLog {
  let records: FrameRecord[] = [];
  let stats: FrameStats = { received: 0, invalid: 0, unknown: 0 };
  return {
    record(entry) {
      const record = { at: Date.now(), ...entry };
      records.push(record);
      // Trimmed in batches, so a flood costs O(1) per frame rather than a copy of the log each time.
      if (records.length >= 2 * limit) records = records.slice(-limit);
      stats.received++;
      return record;
    },
    list(filter = {}) {
      return records
        .slice(-limit)
        .filter(
          (r) =>
            (!filter.conversationId || r.conversationId === filter.conversationId) &&
            (!filter.type || r.eventType === filter.type) &&
            (!filter.via || r.via === filter.via),
        );
    },
    countInvalid: () => void stats.invalid++,
    countUnknown: () => void stats.unknown++,
    stats: () => ({ ...stats }),
    clear() {
      records = [];
      stats = { received: 0, invalid: 0, unknown: 0 };
    },
  };
}
