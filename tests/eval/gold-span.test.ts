import { describe, expect, it } from 'vitest';
import { goldSpan, goldSpans } from '../../src/eval/gold-span.js';

const caption = 'Putin and Xi having tea in the garden of Zhongnanhai in Beijing. / cc kremlin.ru, modified, https://commons.wikimedia.org/wiki/File:Tea.jpg';
const body = `Headline\n\n${caption}\n\nThe talks were announced by the Kremlin, via the TASS agency. They lasted two days.\n`;

describe('goldSpan', () => {
  it('scores a gold quote that ends a caption line without the photo credit', () => {
    const span = goldSpan(body, caption)!;
    expect(body.slice(span.start, span.end)).toBe('Putin and Xi having tea in the garden of Zhongnanhai in Beijing.');
  });

  it('leaves a body sentence whole, even one ending in words a credit could end with', () => {
    const quote = 'The talks were announced by the Kremlin, via the TASS agency.';
    const span = goldSpan(body, quote)!;
    expect(body.slice(span.start, span.end)).toBe(quote);
  });

  it('finds nothing for a quote that is not in the article', () => {
    expect(goldSpan(body, 'Not in the article.')).toBeUndefined();
  });

  it('gives each gold quote its span with its article, and one its article lacks a start of -1', () => {
    const spans = goldSpans([{ docId: 'a', quote: caption }, { docId: 'a', quote: 'Not in the article.' }, { docId: 'gone', quote: 'They lasted two days.' }], (docId) => (docId === 'a' ? body : undefined));
    expect(spans[0]).toEqual({ docId: 'a', ...goldSpan(body, caption) });
    expect(spans.slice(1).map((s) => s.start)).toEqual([-1, -1]);
  });
});
