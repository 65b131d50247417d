import { captionTextLength } from '../corpus/caption-credit.js';
import { CAPTION_CREDIT } from '../corpus/chrome-rules.js';

/**
 * Where a gold quote lies in its article, for scoring. A gold quote that ends a photo caption's line (the line the
 * indexer reads as a caption, by the same credit rule) is scored without the credit: the answerer quotes a caption
 * without it, and a long image link would otherwise outweigh the caption's own words in "holds half the quote".
 */
export function goldSpan(body: string, quote: string): { start: number; end: number } | undefined {
  const start = body.indexOf(quote);
  if (start < 0) return undefined;
  const end = start + quote.length;
  const lineStart = body.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = body.indexOf('\n', end);
  const line = body.slice(lineStart, lineEnd < 0 ? body.length : lineEnd);
  if (line.trimEnd().length !== end - lineStart || !CAPTION_CREDIT.test(line)) return { start, end };
  const own = captionTextLength(quote);
  return { start, end: own > 0 ? start + own : end };
}

/** Each gold quote's span in its article (goldSpan), for scoring; a quote its article lacks starts at -1, as indexOf says. */
export function goldSpans(gold: Array<{ docId: string; quote: string }>, bodyOf: (docId: string) => string | undefined): Array<{ docId: string; start: number; end: number }> {
  return gold.map((g) => ({ docId: g.docId, ...(goldSpan(bodyOf(g.docId) ?? '', g.quote) ?? { start: -1, end: g.quote.length - 1 }) }));
}
