import { describe, expect, test } from 'vitest';
import { isExternalHttp, safeImageUrl, safeUrl } from './url-policy';

describe('safeUrl', () => {
  test.each([
    ['https://example.com', 'https://example.com/'],
    ['HTTPS://EXAMPLE.COM/a?b=1#c', 'https://example.com/a?b=1#c'],
    ['http://example.com/path', 'http://example.com/path'],
    ['  https://example.com/  ', 'https://example.com/'],
    ['https://files.example.com/doc.pdf?sig=a b', 'https://files.example.com/doc.pdf?sig=a%20b'],
    ['mailto:help@example.com', 'mailto:help@example.com'],
    ['MAILTO:help@example.com?subject=Hi', 'mailto:help@example.com?subject=Hi'],
    ['tel:+1-555-0100', 'tel:+1-555-0100'],
  ])('allows %j', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });

  test.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['java\rscript:alert(1)'],
    ['   javascript:alert(1)'],
    ['\u0000javascript:alert(1)'],
    ['\u0001\u001fjavascript:alert(1)'],
    ['\u00a0javascript:alert(1)'],
    ['java&#x09;script:alert(1)'],
    ['&#106;avascript:alert(1)'],
    ['&#x6A;avascript:alert(1)'],
    ['%6Aavascript:alert(1)'],
    ['javascript&colon;alert(1)'],
    ['javascript:https://example.com'],
    ['vbscript:msgbox(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['data:image/png;base64,AAAA'],
    ['blob:https://example.com/uuid'],
    ['file:///etc/passwd'],
    ['ftp://example.com/'],
    ['sms:+15550100'],
    ['//evil.example/x'],
    ['/relative/path'],
    ['relative/path'],
    ['#fragment'],
    ['?q=1'],
    ['https://'],
    ['https://user:pass@example.com/'],
    ['https://bank.example@evil.example/'],
    ['mailto:'],
    ['tel:'],
    [''],
    ['   '],
  ])('refuses %j', (input) => {
    expect(safeUrl(input)).toBeUndefined();
  });

  test.each([[undefined], [null], [42], [{}], [['https://example.com']], [new URL('https://example.com')]])(
    'refuses the non-string %j',
    (input) => {
      expect(safeUrl(input)).toBeUndefined();
    },
  );
});

describe('isExternalHttp', () => {
  test.each([
    ['https://example.com', true],
    ['http://example.com', true],
    ['mailto:a@example.com', false],
    ['tel:+15550100', false],
    ['javascript:alert(1)', false],
    ['/relative', false],
    [undefined, false],
  ])('%j → %j', (input, expected) => {
    expect(isExternalHttp(input)).toBe(expected);
  });
});

describe('safeImageUrl', () => {
  test.each([
    ['https://example.com/a.png', 'https://example.com/a.png'],
    ['http://127.0.0.1:8787/files/a.png', 'http://127.0.0.1:8787/files/a.png'],
    ['http://localhost:8787/a.png', 'http://localhost:8787/a.png'],
    ['http://app.localhost/a.png', 'http://app.localhost/a.png'],
    ['http://[::1]:8787/a.png', 'http://[::1]:8787/a.png'],
  ])('allows %j', (input, expected) => {
    expect(safeImageUrl(input)).toBe(expected);
  });

  test.each([
    ['http://tracker.example/p.gif'],
    ['http://localhost.evil.example/p.gif'],
    ['http://127.0.0.1.evil.example/p.gif'],
    ['data:image/svg+xml,<svg onload=alert(1)>'],
    ['data:image/png;base64,AAAA'],
    ['javascript:alert(1)'],
    ['mailto:a@example.com'],
    ['tel:+15550100'],
    ['//example.com/a.png'],
    ['/a.png'],
    ['blob:https://example.com/uuid'],
    [undefined],
  ])('refuses %j', (input) => {
    expect(safeImageUrl(input)).toBeUndefined();
  });
});
