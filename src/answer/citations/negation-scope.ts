import { foldText } from '../../text/fold-text.js';
import { STOPWORDS } from '../../text/stopwords.js';
import { stemWord, tokenizeWords } from '../../text/tokenize-words.js';

// "not least", "not only", "not just" add emphasis, they do not negate.
// "failed to", "refused to" deny what follows as plainly as "did not".
const CUE = /\b(?:not(?!\s+(?:least|only|just|merely))|no(?:\s+longer)?|never|none|nor|cannot|without|rather\s+than|instead\s+of|fail(?:s|ed)?\s+to|refus(?:e|es|ed)\s+to)\b|n't\b/g;
/** A negation's scope ends at a clause break: punctuation (dashes spaced or long, not the hyphen of "Russia-China"). */
const CLAUSE_BREAK = /[,;:.!?()[\]"\u201C\u201D\u2014\u2013]|\s-\s/;
/**
 * …or at a word that starts a new clause or phrase, once the scope holds a content word
 * (NegEx's termination terms, Chapman et al. 2001): "without limits in February" negates only "limits".
 */
const TERMINATORS = new Set([
  'but', 'and', 'or', 'yet', 'so', 'while', 'whereas', 'although', 'though', 'because', 'since', 'which', 'who', 'whom',
  'whose', 'where', 'when', 'if', 'unless', 'in', 'on', 'at', 'for', 'with', 'from', 'to', 'by', 'of', 'about', 'against',
  'during', 'despite', 'into', 'through', 'over', 'under', 'after', 'before', 'between', 'among', 'as', 'than', 'like',
]);
const WINDOW = 5;

/** Stems a negation governs: content words after "not", "no longer", "rather than", … up to the end of its phrase. */
export function negatedStems(text: string): Set<string> {
  const negated = new Set<string>();
  // Dashes are kept apart from hyphens before folding turns both into "-".
  const folded = foldText(text.replace(/[\u2014\u2013]/g, ' \u2014 ')).replace(/ - /g, ' \u2014 ');
  for (const match of folded.matchAll(CUE)) {
    const rest = folded.slice(match.index + match[0].length);
    const clause = rest.split(CLAUSE_BREAK)[0] ?? '';
    let content = 0;
    for (const word of tokenizeWords(clause).slice(0, WINDOW)) {
      if (content > 0 && TERMINATORS.has(word)) break;
      if (STOPWORDS.has(word) || /^\d/.test(word)) continue;
      negated.add(stemWord(word));
      content += 1;
    }
  }
  return negated;
}
