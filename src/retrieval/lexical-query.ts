import { entityAliasWords } from '../text/entity-aliases.js';
import { lexicalTerms, stemWord, tokenizeWords } from '../text/tokenize-words.js';

/** Context terms (earlier turns) count for this much of a question's own terms. */
export const CONTEXT_WEIGHT = 0.35;
const LARGE_INDEX = 2000;
const COMMON_SHARE = 0.3;

/** The text BM25 searches for a question, and which of its terms are the question's own (the rest weigh CONTEXT_WEIGHT). */
export interface LexicalQuery { text: string; ownTerms: Set<string> }

/**
 * Shapes a question for BM25, the same for every store: the question, its conversation context, and aliases
 * toward the name the corpus uses more ("Kremlin" also searches "Russia"; never "China" adding "Beijing",
 * which floods BM25). In a large index a term found in over 30% of passages adds almost nothing to BM25 but
 * makes it score most of the index: such terms are left out (keeping the two rarest when all are that common).
 */
export function lexicalQuery(query: string, context: string, documentFrequency: Map<string, number>, chunkCount: number): LexicalQuery {
  const frequency = (word: string) => documentFrequency.get(stemWord(word)) ?? 0;
  const aliases = [...new Set(tokenizeWords(query).flatMap((word) => entityAliasWords(word).filter((alias) => frequency(alias) > frequency(word))))].join(' ');
  const text = [query, context, aliases].filter(Boolean).join(' ');
  const ownTerms = new Set(lexicalTerms(query));
  if (chunkCount < LARGE_INDEX) return { text, ownTerms };
  const terms = [...new Set(lexicalTerms(text))];
  const common = (term: string) => (documentFrequency.get(term) ?? 0) / chunkCount > COMMON_SHARE;
  const rarest = [...terms].sort((a, b) => (documentFrequency.get(a) ?? 0) - (documentFrequency.get(b) ?? 0)).slice(0, 2);
  const keep = new Set(terms.some((term) => !common(term)) ? terms.filter((term) => !common(term)) : rarest);
  // Pass the original words on (the lexical index stems them again), dropping those whose stem is left out.
  return { text: tokenizeWords(text).filter((word) => lexicalTerms(word).some((term) => keep.has(term))).join(' '), ownTerms };
}

/** Stems of this length or more also match longer terms they begin ("complement" → "complementar…"). */
export const PREFIX_MIN = 5;
