import { foldText } from '../text/fold-text.js';
import { entityAliasWords } from '../text/entity-aliases.js';
import { STOPWORDS } from '../text/stopwords.js';
import { substringIndex } from '../text/substring-index.js';
import { stemWord, tokenizeWords } from '../text/tokenize-words.js';

/** What the corpus knows, for deciding whether a question is answerable from it at all. */
export interface CorpusVocabulary { words: Set<string>; stems: Set<string> }

/** Builds the folded word and stem sets of some texts (article bodies and metadata). */
export function buildVocabulary(texts: Iterable<string>): CorpusVocabulary {
  const words = new Set<string>();
  for (const text of texts) for (const word of tokenizeWords(text)) words.add(word.replace(/\./g, ''));
  return vocabularyOf(words);
}

/** The vocabulary of words already folded (as the index stores them), with their stems. */
export function vocabularyOf(words: Iterable<string>): CorpusVocabulary {
  const set = new Set(words);
  return { words: set, stems: new Set([...set].map((word) => stemWord(word))) };
}

/** Word-vector cosine above which a corpus word counts as a synonym of a question word. */
export const SYNONYM_SIMILARITY = 0.62;

// A name this long or longer also counts as known inside a longer word of the corpus.
const INSIDE_MIN = 5;
// Each vocabulary's suffix index, built on first need (a question naming something the corpus lacks as a word).
const insideIndexes = new WeakMap<Set<string>, (part: string) => boolean>();

/**
 * A name is known when the corpus has it as a word, in another form ("Europeans" / "European"), under
 * another name of the same state ("New Delhi" / "India"), or inside a word ("Atlantic" in "transatlantic").
 */
function known(vocabulary: CorpusVocabulary, word: string): boolean {
  if (vocabulary.words.has(word) || vocabulary.stems.has(stemWord(word))) return true;
  if (entityAliasWords(word).some((alias) => vocabulary.words.has(alias))) return true;
  if (word.length < INSIDE_MIN) return false;
  let inside = insideIndexes.get(vocabulary.words);
  if (!inside) insideIndexes.set(vocabulary.words, (inside = substringIndex(vocabulary.words, INSIDE_MIN)));
  return inside(word);
}

// Capitalised words that name no topic of their own in a question.
const QUESTION_CAPITALS = new Set(['i', 'what', 'why', 'how', 'who', 'whom', 'which', 'when', 'where', 'is', 'are', 'does', 'do', 'did', 'can', 'could', 'would', 'will', 'should', 'steelman', 'summarize', 'summarise', 'explain', 'tell', 'according']);
const CALENDAR = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
// Words among the 20,000 commonest in English (GloVe's frequency order).
const COMMON_RANK = 20_000;
// A run of capitalised words is one name: "Super Bowl", "Angela Merkel".
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+\p{Lu}[\p{L}\p{N}'’.-]*)*/gu;

/** How much of the question the corpus covers. */
export interface Coverage {
  /** Capitalised names in the question that no article contains (e.g. "Super Bowl"). */
  missingNames: string[];
  /** IDF-weighted share of the question's content words that occur in the corpus (0–1); rare missing words weigh most. */
  termCoverage: number;
  contentTerms: number;
  /** Question terms that are central to the corpus (in a quarter or more of its passages): the question is on its topic. */
  coreTerms: number;
  /** The question's most specific word (rarest in general English; of its two rarest, one the corpus is silent on), and whether the corpus speaks to it. */
  focus?: { word: string; covered: boolean };
}

/** IDF at or below which a term occurs in about a quarter of the passages or more. */
const CORE_IDF = Math.log(1 + 4);

/** Optional word knowledge: nearest-corpus-word similarity, and a word's rarity in general English (its frequency rank). */
export interface WordKnowledge {
  similarity?: (word: string) => number;
  rarity?: (word: string) => number;
}

/** Measures how much of a question the corpus can speak to, before any answer is attempted. */
export function assessCoverage(question: string, vocabulary: CorpusVocabulary, idf: (stem: string) => number = () => 1, knowledge: WordKnowledge = {}): Coverage {
  const { similarity, rarity } = knowledge;
  const missingNames: string[] = [];
  for (const match of question.matchAll(CAPITALISED)) {
    const parts = tokenizeWords(match[0]).map((word) => word.replace(/\./g, ''));
    // A capital at the very start is grammar ("Roughly how much…") unless the word is rare in English; months and days are dates, not names.
    const initial = (word: string, i: number) => i === 0 && match.index === 0 && rarity !== undefined && rarity(word) < COMMON_RANK;
    const name = parts.filter((word, i) => !QUESTION_CAPITALS.has(word) && !STOPWORDS.has(word) && !CALENDAR.has(word) && !initial(word, i));
    if (name.length && name.some((word) => !known(vocabulary, word))) missingNames.push(match[0].replace(/[’'.,;:!?]+$/, ''));
  }
  const words = tokenizeWords(foldText(question)).filter((word) => !STOPWORDS.has(word) && !QUESTION_CAPITALS.has(word));
  const terms = words.map((word) => stemWord(word));
  let covered = 0;
  let total = 0;
  const coreTerms = terms.filter((term) => vocabulary.stems.has(term) && idf(term) <= CORE_IDF).length;
  // A word the corpus lacks still counts when a close synonym is there ("frontier" / "border").
  const isCovered = (i: number) => vocabulary.stems.has(terms[i]!) || (similarity?.(words[i]!) ?? 0) >= SYNONYM_SIMILARITY;
  terms.forEach((term, i) => {
    total += idf(term);
    if (isCovered(i)) covered += idf(term);
  });
  // The word that says what the question is about is its rarest in general English ("guitar" in "the best way to
  // learn to play the guitar"); common words ("best", "way", "learn") are in any corpus and say little.
  let focus: Coverage['focus'];
  if (rarity) {
    // Each word's rarity looked up once (a search of GloVe's vocabulary), not once per comparison of the sort.
    const candidates = words.map((word, i) => ({ word, i, rank: rarity(word) })).filter(({ word }) => !/^\d/.test(word));
    // Two specific words can share the subject ("chess openings"): the corpus must speak to both, not just the rarer.
    const rarest = candidates.sort((a, b) => b.rank - a.rank).slice(0, 2)
      .map(({ word, i }) => ({ word, covered: isCovered(i) || known(vocabulary, word) }));
    focus = rarest.find((candidate) => !candidate.covered) ?? rarest[0];
  }
  return { missingNames, termCoverage: total ? covered / total : 0, contentTerms: terms.length, coreTerms, ...(focus ? { focus } : {}) };
}
