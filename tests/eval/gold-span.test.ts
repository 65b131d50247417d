import { describe, expect, it } from 'vitest';
import { goldSpan } from '../../src/eval/gold-span.js';

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
});
