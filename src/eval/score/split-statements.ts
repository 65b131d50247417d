import { segmentSentences } from '../../chunking/segment-sentences.js';

/** A sentence of an answer with the citation numbers it carries. */
export interface Statement { text: string; citations: number[] }

const MARKER = /\[(\d+)\]/g;
// One quotation with its attribution and markers, as the extractive answerer writes a point:
// "In short: “…” — Julian D. Paulsen [1]". The quotation, first “ to last ”, is the claim; the
// lead-in and the attribution are framing. Greedy, because sources' own text has stray quote marks.
const QUOTED_POINT = /^(?:[^“”:]{1,40}:\s*)?“(.+)”(?:\s*[—–-]\s*[^“”[\]]+?)?\s*((?:\[\d+\]\s*)+)$/;

const opens = (text: string) => (text.match(/“/g)?.length ?? 0) - (text.match(/”/g)?.length ?? 0);

/** A quotation is one statement: sentences inside one pair of “ ” stay together. */
function mergeOpenQuotes(line: string, spans: Array<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && opens(line.slice(last.start, last.end)) > 0) last.end = span.end;
    else merged.push({ ...span });
  }
  return merged;
}

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
    const quoted = QUOTED_POINT.exec(line);
    if (quoted) {
      statements.push({ text: quoted[1]!.replace(/\s+/g, ' ').trim(), citations: [...new Set([...quoted[2]!.matchAll(MARKER)].map((m) => Number(m[1])))] });
      continue;
    }
    const spans = mergeOpenQuotes(line, segmentSentences(line));
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
