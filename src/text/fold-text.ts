const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g;
const COMBINING_MARKS = /\p{M}+/gu;
/** Characters NFKD could change: anything outside ASCII but the quotes, dashes and spaces folded below anyway. */
const NEEDS_NFKD = /[^\x00-\x7F\u2018\u2019\u201A-\u201F\u2010-\u2015\u00A0]/;

/**
 * Folds the spelling differences that should never change a match: curly vs straight quotes,
 * dash variants, accents ("détente" = "detente"), case and runs of whitespace.
 * Lengths change, so folded text is for comparing only, never for offsets.
 */
export function foldText(text: string): string {
  // Unicode normalisation is most of the cost and a no-op for plain English text: skip it when it cannot matter.
  const decomposed = NEEDS_NFKD.test(text) ? text.normalize('NFKD').replace(COMBINING_MARKS, '') : text;
  return decomposed
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .toLowerCase();
}
