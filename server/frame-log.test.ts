import { describe, expect, it } from 'vitest';
import { createFrameLog } from './frame-log';

describe('frame log', () => {
  it('keeps the last `limit` frames, in order, however many came', () => {
    const log = createFrameLog(3);
    for (let n = 0; n < 10; n++) {
      log.record({ socketId: 's', conversationId: null, eventType: `e${n}`, payload: {}, via: 'socket' });
      expect(log.list().map((r) => r.eventType)).toEqual(
        Array.from({ length: Math.min(3, n + 1) }, (_, i) => `e${n - Math.min(2, n) + i}`),
      );
    }
    expect(log.stats().received).toBe(10);
  });
});
