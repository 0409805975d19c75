import { describe, expect, test } from 'vitest';
import type { MessagePart } from '../../../protocol/model';
import { budgetEnd, htmlAsText, MESSAGE_BUDGET, partCost } from './message-budget';
import { TEXT_PREVIEW_CHARS } from './truncate';

const text = (n: number): MessagePart => ({ kind: 'text', text: 'x'.repeat(n) });
const html = (n: number): MessagePart => ({ kind: 'html', html: 'y'.repeat(n) });

describe('render budget of a message', () => {
  test('a long part costs only its preview', () => {
    expect(partCost(text(10))).toBe(10);
    expect(partCost(html(1_000_000))).toBe(TEXT_PREVIEW_CHARS);
    expect(partCost({ kind: 'cards', cards: [] })).toBe(200);
  });

  test('small messages show every part', () => {
    const parts = [text(100), html(100), { kind: 'links', links: [] } as MessagePart];
    expect(budgetEnd(parts, 0)).toBe(3);
  });

  test('200 large html parts show one budget of characters, then one more per step', () => {
    const parts = Array.from({ length: 200 }, () => html(20_000));
    const perBudget = Math.floor(MESSAGE_BUDGET.chars / TEXT_PREVIEW_CHARS);
    expect(budgetEnd(parts, 0)).toBe(perBudget);
    expect(budgetEnd(parts, perBudget)).toBe(2 * perBudget);
    expect(budgetEnd(parts, 199)).toBe(200);
  });

  test('many small parts stop at the part limit', () => {
    const parts = Array.from({ length: 200 }, () => text(5));
    expect(budgetEnd(parts, 0)).toBe(MESSAGE_BUDGET.parts);
  });

  test('a single part over the budget is still shown (its preview is bounded)', () => {
    expect(budgetEnd([text(50_000), text(5)], 0)).toBe(2);
    expect(budgetEnd([text(50_000)], 0)).toBe(1);
  });
});

describe('htmlAsText', () => {
  test('drops tags, keeps text as written, never parses', () => {
    expect(htmlAsText('<p>Hi <b>there</b></p>\n<img src=x onerror=alert(1)>&amp; <unclosed')).toBe(
      'Hi there &amp;',
    );
  });
});
