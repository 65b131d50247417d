// Definition questions, answered as TREC's definition track did: by the surface patterns that state what a thing is
// (Soubbotin & Soubbotin 2001; Hildebrandt, Katz & Lin 2004): a copula after the term ("X is a …"), an apposition
// ("X, a bipartisan panel", "X, director at …") or a title run before a name ("Professor X").
const QUESTION = /^\s*(?:who|what)\s+(?:is|are|was|were)\s+(.+?)[\s?.!]*$/i;
const LEADING_ARTICLE = /^(?:the|a|an)\s+/i;
const COPULA_AFTER = /^["”’']?\s+(?:is|are|was|were|means|meant|refers|referred|stands|stood)\b/i;
const APPOSITION_AFTER = /^\s*(?:,|\()\s*(?:(?:a|an|the|which|who|whose)\b|\p{Ll}+\s+(?:of|at|for|in|to)\b)/u;
const TITLE_BEFORE = /(?:^|\s)\p{Lu}[\p{L}.’'-]*\s+$/u;

/** The thing a definition question ("Who is X?", "What was the X?") asks about, without its article; undefined for any other question. */
export function definitionTarget(question: string): string | undefined {
  const match = QUESTION.exec(question);
  if (!match) return undefined;
  const target = match[1]!.replace(LEADING_ARTICLE, '').trim();
  // "What is it?", "Who was he?": a pronoun names nothing to look for.
  return /\p{L}{2,}/u.test(target) && !/^(?:it|this|that|he|she|they|them|there)$/i.test(target) ? target : undefined;
}

/** Whether a sentence says what `target` is: names it, then a copula or an apposition, or gives a name a title before it. */
export function definesTarget(sentence: string, target: string): boolean {
  // Whole words, any case: "Iran" is not found in "Iranian".
  const term = new RegExp(`(?<![\\p{L}\\p{N}])${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu');
  for (const match of sentence.matchAll(term)) {
    const after = sentence.slice(match.index + match[0].length);
    if (COPULA_AFTER.test(after) || APPOSITION_AFTER.test(after)) return true;
    // A title is a capitalised word right before a name that does not open the sentence ("When Jin said" is no title).
    const before = sentence.slice(0, match.index);
    if (/^\p{Lu}/u.test(match[0]) && TITLE_BEFORE.test(before) && before.trim().split(/\s+/).length > 1) return true;
  }
  return false;
}
