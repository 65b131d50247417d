import { segmentSentences } from '../../chunking/segment-sentences.js';
import { MARKER, markerNumbers, removeMarkers } from './citation-markers.js';

/** A sentence of an answer with the citation numbers it carries. */
export interface Statement { text: string; citations: number[] }

const MARKER_RUN = new RegExp(`((?:${MARKER.source}\\s*)+)`);
// One quotation with its attribution and markers, as the extractive answerer writes a point:
// "In short: “…” — Julian D. Paulsen [1]". The quotation, first “ to last ”, is the claim; the
// lead-in and the attribution are framing. Greedy, because sources' own text has stray quote marks.
const QUOTED_POINT = new RegExp(`^(?:[^“”:]{1,40}:\\s*)?“(.+)”(?:\\s*[—–-]\\s*[^“”[\\]]+?)?\\s*${MARKER_RUN.source}$`);
// A footnote definition ("[^1]: Paulsen, …") lists a source; it is not a statement.
const FOOTNOTE_DEFINITION = /^\[\^?\d+\]:/;

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

const numbersIn = (run: string) => [...new Set([...run.matchAll(MARKER)].flatMap((m) => markerNumbers(m[0])))];

/**
 * Splits an answer into its statements: its sentences in order, each with the citation numbers it
 * carries (none means `citations: []`). A marker belongs to the sentence it follows, before or after
 * that sentence's full stop (`[1]`, `[1][2]`, `[1, 2]`, `[1-3]`, `[^1]`); one at the start of a line
 * belongs to the sentence after it. Markdown bullets and bold, headings, list intros ending in ":" and
 * footnote definitions are not statements.
 */
export function splitStatements(answer: string): Statement[] {
  const statements: Statement[] = [];
  for (const raw of answer.split('\n')) {
    const line = raw.replace(/^\s*(?:[-*•]|\d+\.)\s+/, '').replace(/\*\*|__/g, '').trim();
    if (!line || line.startsWith('#') || FOOTNOTE_DEFINITION.test(line) || /:\s*$/.test(line) || /^sources?:?$/i.test(line)) continue;
    const quoted = QUOTED_POINT.exec(line);
    if (quoted) {
      statements.push({ text: quoted[1]!.replace(/\s+/g, ' ').trim(), citations: numbersIn(quoted[2]!) });
      continue;
    }
    const { text, markers } = removeMarkers(line);
    const spans = mergeOpenQuotes(text, segmentSentences(text));
    const cited = spans.map(() => new Set<number>());
    for (const marker of markers) {
      // The last sentence that starts before the marker; none before it (start of line): the first.
      let owner = 0;
      spans.forEach((span, i) => { if (span.start < marker.at) owner = i; });
      for (const n of marker.numbers) cited[owner]?.add(n);
    }
    spans.forEach((span, i) => {
      const clean = text.slice(span.start, span.end).replace(/\s+([.,;:!?])/g, '$1').replace(/\s{2,}/g, ' ').trim();
      if (clean) statements.push({ text: clean, citations: [...cited[i]!] });
    });
  }
  return statements;
}
