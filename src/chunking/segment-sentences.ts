import { STOPWORDS } from '../text/stopwords.js';

/** A sentence as `[start, end)` offsets into the text it was cut from. */
export interface Span { start: number; end: number }

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'col', 'lt', 'capt', 'sgt', 'adm', 'sen', 'rep', 'gov', 'pres',
  'rev', 'hon', 'vs', 'etc', 'e.g', 'i.e', 'cf', 'no', 'nos', 'vol', 'fig', 'approx', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'op',
]);
const LAST_TOKEN = /(\S+)\s*$/;
const FIRST_WORD = /^\s*["'“‘(\[]*([\p{L}\p{N}'’]+)/u;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** True when a segment's final period belongs to an abbreviation or initial, so the sentence goes on. */
function endsInsideSentence(segment: string, next: string): boolean {
  const token = LAST_TOKEN.exec(segment)?.[1];
  if (!token || !token.endsWith('.')) return false;
  const bare = token.replace(/^["'“‘(\[]+/, '').slice(0, -1);
  const nextWord = FIRST_WORD.exec(next)?.[1] ?? '';
  // Intl.Segmenter only splits before a capital or digit; a lowercase continuation means no break.
  if (/^\p{Ll}/u.test(nextWord)) return true;
  if (ABBREVIATIONS.has(bare.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(bare)) return true; // an initial, as in "Julian D. Paulsen"
  // A dotted acronym ("U.S.") ends a sentence only when a typical sentence opener follows.
  if (/^(\p{L}\.)+\p{L}$/u.test(bare)) return !STOPWORDS.has(nextWord.toLowerCase().replace(/[’']s$/, ''));
  return false;
}

/**
 * Splits text into sentences with offsets. Intl.Segmenter alone breaks after "U.S.", "Dr." and
 * initials; the merge pass below repairs exactly those cases (see tests/chunking).
 */
export function segmentSentences(text: string, offset = 0): Span[] {
  const raw = [...segmenter.segment(text)].map((s) => ({ start: s.index, end: s.index + s.segment.length }));
  const merged: Span[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const current = { ...raw[i]! };
    while (i + 1 < raw.length && endsInsideSentence(text.slice(current.start, current.end), text.slice(raw[i + 1]!.start, raw[i + 1]!.end))) {
      current.end = raw[i + 1]!.end;
      i += 1;
    }
    merged.push(current);
  }
  const spans: Span[] = [];
  for (const span of merged) {
    const slice = text.slice(span.start, span.end);
    const lead = slice.length - slice.trimStart().length;
    const trimmed = slice.trim();
    if (!trimmed) continue;
    spans.push({ start: offset + span.start + lead, end: offset + span.start + lead + trimmed.length });
  }
  return spans;
}
