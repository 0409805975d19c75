/**
 * Test helper (not shipped): random inputs in the style of DOMPurify's test/fuzz/sanitize.fast-check.js,
 * glued from dangerous fragments and random text.
 */
import fc from 'fast-check';

const SEEDS = [
  ...['<', '>', '"', "'", '`', '=', '/', '&', ';', ' ', '\t', '\n', '\u0000', '\u0001', '-->', '<!--', ']]>'],
  ...['<![CDATA[', '<?', '&#106;', '&#x09;', '&colon;', '&lt;', '&quot;', 'javascript:', 'JaVaScRiPt:'],
  ...['data:text/html,', 'data:image/svg+xml,', 'vbscript:', 'alert(1)', ' onerror=', ' onload=', ' on'],
  ...[' href=', ' src=', ' style=', ' srcset=', ' srcdoc=', ' action=', ' formaction=', ' xlink:href='],
  ...[' target=_blank', ' rel=opener', ' title="', ' id=', ' name=', ' class=', ' data-x=', ' aria-live='],
  ...['<a ', '<a href="javascript:alert(1)">', '<img ', '<img src=x onerror=alert(1)>', '<svg>', '<svg '],
  ...['</svg>', '<math>', '</math>', '<mtext>', '<mi>', '<mglyph>', '<malignmark>', '<annotation-xml>'],
  ...['<foreignObject>', '<desc>', '<title>', '</title>', '<style>', '</style>', '<noscript>', '</noscript>'],
  ...['<template>', '</template>', '<xmp>', '</xmp>', '<noembed>', '<noframes>', '<plaintext>', '<iframe '],
  ...['<textarea>', '</textarea>', '<select>', '<option>', '<table>', '<form>', '</form>', '<button '],
  ...['<input ', '<object ', '<embed ', '<base ', '<meta ', '<link ', '<script>', '</script>', '<p>'],
  ...['<div>', '</div>', '<body ', '<details open ontoggle=alert(1)>', '<source ', '<video ', '<slot>'],
  ...['[x](', ')', '![x](', '[x]: ', '[x][x]', '<https://ok.example>', 'https://ok.example', '**', '_', '~~'],
  ...['```', '    ', '> ', '- ', '1. ', '| a |', '|---|', '- [ ] ', '\\', 'mailto:a@b.c', 'tel:+1'],
];

const fragments = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SEEDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
export const fuzzPayload = fc
  .array(fragments, { minLength: 1, maxLength: 24 })
  .map((parts) => parts.join(''));
