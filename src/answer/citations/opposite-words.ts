import { stemWord } from '../../text/tokenize-words.js';

const PREFIXES = ['un', 'in', 'im', 'il', 'ir', 'dis', 'non'];

/**
 * Opposites that no prefix marks, compared by Porter stem. A general list of the gradable and
 * directional pairs that carry argument ("likely to succeed" / "likely to fail"), not one fitted to a corpus.
 */
const PAIRS: Array<[string, string]> = [
  ['succeed', 'fail'], ['success', 'failure'], ['high', 'low'], ['higher', 'lower'], ['include', 'exclude'],
  ['strengthen', 'weaken'], ['strong', 'weak'], ['stronger', 'weaker'], ['increase', 'decrease'], ['rise', 'fall'],
  ['win', 'lose'], ['gain', 'lose'], ['accept', 'reject'], ['more', 'less'], ['more', 'fewer'], ['support', 'oppose'],
  ['friend', 'enemy'], ['ally', 'enemy'], ['unite', 'divide'], ['easy', 'difficult'], ['easy', 'hard'],
  ['permanent', 'temporary'], ['same', 'different'], ['before', 'after'], ['deepen', 'weaken'], ['expand', 'shrink'],
  ['grow', 'shrink'], ['improve', 'worsen'], ['improve', 'deteriorate'], ['better', 'worse'], ['best', 'worst'],
  ['large', 'small'], ['larger', 'smaller'], ['largest', 'smallest'], ['major', 'minor'], ['rich', 'poor'],
  ['allow', 'forbid'], ['allow', 'prevent'], ['encourage', 'discourage'], ['confirm', 'deny'], ['agree', 'disagree'],
  ['strength', 'weakness'], ['lift', 'impose'], ['end', 'begin'], ['isolation', 'integration'],
  ['early', 'late'], ['earlier', 'later'], ['victory', 'defeat'], ['optimistic', 'pessimistic'],
];
const OPPOSITES = new Map<string, Set<string>>();
for (const [x, y] of PAIRS) {
  const a = stemWord(x);
  const b = stemWord(y);
  OPPOSITES.set(a, (OPPOSITES.get(a) ?? new Set()).add(b));
  OPPOSITES.set(b, (OPPOSITES.get(b) ?? new Set()).add(a));
}

/** A word of the claim or its stem, as the judge sees it. */
export interface JudgedTerm { word: string; stem: string }

/**
 * A claim term whose opposite is what the source says instead: a prefixed one ("likely"/"unlikely",
 * "trust"/"distrust") or one from the list above ("succeed"/"fail"). A source that also has the claim's
 * word is not contradicted ("more or less").
 */
export function findOpposite(claim: JudgedTerm[], source: JudgedTerm[]): string | undefined {
  const sourceWords = new Set(source.map((t) => t.word));
  const sourceStems = new Map(source.map((t) => [t.stem, t.word]));
  for (const { word, stem } of claim) {
    if (sourceWords.has(word) || sourceStems.has(stem)) continue;
    for (const prefix of PREFIXES) {
      if (sourceWords.has(prefix + word)) return `“${word}” where the source says “${prefix}${word}”`;
      if (word.startsWith(prefix) && sourceWords.has(word.slice(prefix.length))) return `“${word}” where the source says “${word.slice(prefix.length)}”`;
    }
    for (const opposite of OPPOSITES.get(stem) ?? []) {
      const said = sourceStems.get(opposite);
      if (said) return `“${word}” where the source says “${said}”`;
    }
  }
  return undefined;
}
