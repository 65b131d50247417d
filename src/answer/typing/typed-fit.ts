import type { ExpectedAnswer } from './expected-answer.js';
import type { TaggedToken } from './sentence-tagger.js';

/** Whether a sentence has a token of the kind asked for, and how close the nearest such token stands to what it is about. */
export interface TypedFit { typed: number; near: number }

/**
 * Measures a sentence against a question's expected answer (the TREC QA systems' answer-type check): a token of an
 * expected class that is not one of the question's own words ("in 1929" of the question is a constraint, not an
 * answer), and its distance to the nearest anchor, a word of the head noun the answer attaches to (or of the
 * question's focus when it has none), by stem or word vector: 1 when next to it, 1/2 one word away, and so on; 0 without either.
 */
export function typedFit(expected: ExpectedAnswer, questionStems: ReadonlySet<string>, isAnchor: (token: TaggedToken) => boolean, tokens: TaggedToken[]): TypedFit {
  const answers: number[] = [];
  const anchored: number[] = [];
  tokens.forEach((token, i) => {
    if (isAnchor(token)) anchored.push(i);
    if (!questionStems.has(token.stem) && token.classes.some((c) => expected.classes.includes(c))) answers.push(i);
  });
  if (!answers.length) return { typed: 0, near: 0 };
  let near = 0;
  for (const i of answers) for (const j of anchored) near = Math.max(near, 1 / Math.max(1, Math.abs(i - j)));
  return { typed: 1, near };
}
