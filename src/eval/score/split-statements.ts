import { segmentSentences } from '../../chunking/segment-sentences.js';

/** A sentence of an answer with the citation numbers it carries. */
export interface Statement { text: string; citations: number[] }

const MARKER = /\[(\d+)\]/g;

/**
 * Splits an answer into its statements: its sentences in order, each with the [n] markers it carries
 * (none means `citations: []`). Markdown bullets and bold are dropped; a line ending in ":" introduces
 * a list and is not a statement.
 */
export function splitStatements(answer: string): Statement[] {
  const statements: Statement[] = [];
  for (const raw of answer.split('\n')) {
    const line = raw.replace(/^\s*(?:[-*•]|\d+\.)\s+/, '').replace(/\*\*|__/g, '').trim();
    if (!line || /:\s*$/.test(line) || /^sources?:?$/i.test(line)) continue;
    const spans = segmentSentences(line);
    spans.forEach((span, i) => {
      let text = line.slice(span.start, span.end);
      // A marker right after a sentence's end ("… end. [2]") belongs to that sentence, not the next.
      const next = spans[i + 1];
      const tail = line.slice(span.end, next ? next.start : line.length);
      text += tail.match(/^\s*(?:\[\d+\]\s*)+/)?.[0] ?? '';
      const citations = [...new Set([...text.matchAll(MARKER)].map((m) => Number(m[1])))];
      const clean = text.replace(MARKER, '').replace(/\s+([.,;:!?])/g, '$1').replace(/\s{2,}/g, ' ').trim();
      if (/^\[\d+\]$/.test(text.trim()) && statements.length) {
        statements[statements.length - 1]!.citations.push(...citations);
      } else if (clean) {
        statements.push({ text: clean, citations });
      }
    });
  }
  return statements;
}
