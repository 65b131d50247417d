import { describe, expect, it } from 'vitest';
import { captionTextLength } from '../../src/corpus/caption-credit.js';

const own = (caption: string) => caption.slice(0, captionTextLength(caption));

describe('captionTextLength', () => {
  it('ends a caption at its last full stop when a licence and image link follow it', () => {
    expect(own('Putin and Xi having tea in the garden of Zhongnanhai in Beijing. / cc kremlin.ru, modified, https://commons.wikimedia.org/wiki/File:Tea.jpg'))
      .toBe('Putin and Xi having tea in the garden of Zhongnanhai in Beijing.');
  });

  it('ends a caption at the bracket or dash that opens its credit, keeping earlier sentences and brackets', () => {
    expect(own('Putin met Xi. They had tea in Beijing (Photo: Jane Doe/Reuters)')).toBe('Putin met Xi. They had tea in Beijing');
    expect(own('Soldiers at a training ground near Munster, March 2026 – Reuters')).toBe('Soldiers at a training ground near Munster, March 2026');
    expect(own('Xi (left) and Putin at the Kremlin. Getty Images')).toBe('Xi (left) and Putin at the Kremlin.');
  });

  it('cuts a credit that follows the caption with no separator at all', () => {
    expect(own('Putin with Xi in Beijing on May 16, 2024 Photo: AFP')).toBe('Putin with Xi in Beijing on May 16, 2024');
  });

  it('leaves nothing of a line that is all credit, and all of a caption without one', () => {
    expect(captionTextLength('/ cc kremlin.ru, modified, https://commons.wikimedia.org/wiki/File:Tea.jpg')).toBe(0);
    expect(captionTextLength('(Image source: Ministry of Defence)')).toBe(0);
    expect(own('A caption that names no photographer or agency')).toBe('A caption that names no photographer or agency');
  });
});
