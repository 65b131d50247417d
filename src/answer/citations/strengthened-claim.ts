import type { Alignment } from './align-terms.js';
import type { JudgedText } from './judge-terms.js';

// Epistemic hedges: the source says only that something is possible or likely.
// Modal verbs and the adjectives of likelihood, as in "could force" and "likely to fail"; adverbs ("perhaps") often only soften a tone.
const HEDGES = new Set(['could', 'may', 'might', 'likely', 'possible']);
// A claim keeps a hedge with any modal or stance word, not only the source's own ("would", "can", "aims to").
const CLAIM_HEDGES = new Set([...HEDGES, 'possibly', 'perhaps', 'maybe', 'probably', 'potentially', 'seem', 'seems', 'appear', 'appears', 'can', 'able', 'would', 'should', 'suggest', 'suggests', 'risk', 'risks', 'hope', 'hopes', 'aim', 'aims', 'try', 'tries', 'want', 'wants', 'seek', 'seeks', 'if', 'whether', 'theory', 'chance']);
// Words that assert certainty or totality.
const CERTAIN = new Set(['certainly', 'definitely', 'surely', 'inevitably', 'undoubtedly', 'certain', 'guaranteed', 'guarantee', 'guarantees', 'always', 'must']);
const UNIVERSAL = new Set(['all', 'every', 'each', 'always', 'entire', 'entirely', 'whole', 'completely', 'fully', 'totally', 'everyone', 'everything']);
const WINDOW = 4;

const isHedge = (tokens: string[], i: number, hedges = HEDGES) => hedges.has(tokens[i]!) && !/^(not|never)$/.test(tokens[i + 1] ?? '');

/** Whether a hedge stands within a few tokens before the content word at `at` ("could soon force"). */
function hedged(text: JudgedText, at: number): boolean {
  for (let i = Math.max(0, at - WINDOW); i < at; i += 1) if (isHedge(text.tokens, i, CLAIM_HEDGES)) return true;
  return false;
}

const ADVERB = /(?:ly|instead|rather)$/;

// Adjectives of readiness pass the hedge on to the verb after them: "may be willing to accept".
const READINESS = new Set(['willing', 'able', 'ready', 'prepared', 'inclined', 'set', 'going', 'eager', 'poised']);

/**
 * The word a hedge governs: the first content word after it that is no adverb and no aside ("could, in
 * theory, provide"), and past an adjective of readiness the verb it leads to; nothing when the hedge is
 * negated ("could not" states a fact).
 */
function governed(text: JudgedText): Set<number> {
  const heads = new Set<number>();
  text.tokens.forEach((_, i) => {
    if (!isHedge(text.tokens, i)) return;
    for (const t of text.terms) {
      if (t.at <= i || t.at > i + WINDOW || ADVERB.test(t.word) || text.tokens[t.at - 1] === 'in') continue;
      heads.add(t.at);
      if (!READINESS.has(t.word)) break;
    }
  });
  return heads;
}

/**
 * A hedge or quantifier made stronger: "could force" → "will force", "likely" → "certain", "some" / "many"
 * → "all", "one of the largest" → "the largest". The source's hedged word must be the claim's (aligned).
 */
export function strengthenedClaim(claim: JudgedText, source: JudgedText, alignments: Alignment[]): string | undefined {
  const sourceWords = new Set(source.tokens);
  const hedgedInSource = governed(source);
  for (const { term, to } of alignments) {
    if (!to || !hedgedInSource.has(to.at) || hedged(claim, term.at)) continue;
    return `the source hedges “${to.word}” (${source.tokens.slice(Math.max(0, to.at - WINDOW), to.at + 1).join(' ')}); the claim states it as fact`;
  }
  const hedgedSource = hedgedInSource.size > 0;
  for (const [i, word] of claim.tokens.entries()) {
    // "For all his charm" concedes; it quantifies nothing.
    if (word === 'all' && claim.tokens[i - 1] === 'for') continue;
    if (CERTAIN.has(word) && !sourceWords.has(word) && hedgedSource) return `the claim says “${word}” where the source hedges`;
    if (UNIVERSAL.has(word) && !sourceWords.has(word) && ![...UNIVERSAL].some((u) => sourceWords.has(u))) return `the claim says “${word}”, which the source does not`;
  }
  const oneOf = source.text.match(/\bone of the (\w+)/i);
  if (oneOf && new RegExp(`\\bthe ${oneOf[1]}\\b`, 'i').test(claim.text) && !/\bone of the\b/i.test(claim.text)) return `the source says “one of the ${oneOf[1]}”; the claim drops “one of”`;
  return undefined;
}
