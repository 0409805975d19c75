import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import { conversationLabel, metadataDate, metadataDetail } from './history-label';

const { t } = createI18n();
const AT = Date.UTC(2024, 4, 1, 12, 0);
const label = (metadata: Record<string, unknown>, startedAt?: number) =>
  conversationLabel({ conversationId: '3f2a9c1e-rest', metadata }, startedAt, t, 'en');

describe('history labels', () => {
  it('reads a date from metadata in ms, s or as a string, and nothing else', () => {
    expect(metadataDate({ createdAt: AT })).toBe(AT);
    expect(metadataDate({ timestamp: AT / 1000 })).toBe(AT);
    expect(metadataDate({ date: '2024-05-01T12:00:00Z' })).toBe(AT);
    expect(metadataDate({ date: 'soon', plan: 'x' })).toBeUndefined();
    expect(metadataDate(JSON.parse('{"__proto__": {"createdAt": 5}}'))).toBeUndefined();
  });

  it('prefers a date (metadata, then when this browser saw it start), with metadata as detail', () => {
    const fromMeta = label({ createdAt: AT, plan: 'gold' }, 1);
    expect(fromMeta.title).toMatch(/^Conversation from May 1, 2024/);
    expect(fromMeta.detail).toBe('plan: gold');
    expect(label({}, AT).title).toMatch(/^Conversation from May 1, 2024/);
  });

  it('falls back to the metadata’s first values, then to a short id', () => {
    expect(label({ plan: 'gold', seats: 3, nested: { a: 1 }, private: 'secret' })).toEqual({
      title: 'plan: gold, seats: 3',
    });
    expect(metadataDetail({ note: 'x'.repeat(200) })!.length).toBeLessThanOrEqual(61);
    expect(label({})).toEqual({ title: 'Conversation 3f2a9c1e' });
  });
});
