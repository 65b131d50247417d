/** Where a quote was found. */
export interface Located { docId: string; start: number; end: number }

const SAME = (c: string) => (/[\u2018\u2019\u201A\u201B`´]/.test(c) ? "'" : /[\u201C\u201D\u201E\u201F]/.test(c) ? '"' : /[\u2010-\u2015\u2212]/.test(c) ? '-' : c);

/** Normalises whitespace runs, quote marks and dashes only, keeping a map back to original offsets. */
export function normalizeWithMap(text: string): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (out.endsWith(' ')) continue;
      out += ' ';
    } else {
      out += SAME(c);
    }
    map.push(i);
  }
  map.push(text.length);
  return { text: out, map };
}

/**
 * Finds a quote in the corpus by its text, normalising only whitespace, quote marks and dashes (so a
 * changed word is not found). Returns original-body offsets of the first match.
 */
export function locateQuote(quote: string, docs: Iterable<[string, { body: string }]>, prefer?: string): Located | undefined {
  const needle = normalizeWithMap(quote.trim()).text;
  if (!needle) return undefined;
  const ordered = [...docs].sort(([a], [b]) => Number(b === prefer) - Number(a === prefer));
  for (const [docId, { body }] of ordered) {
    const { text, map } = normalizeWithMap(body);
    const at = text.indexOf(needle);
    if (at >= 0) return { docId, start: map[at]!, end: map[at + needle.length - 1]! + 1 };
  }
  return undefined;
}
