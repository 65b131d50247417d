import { DataFileError } from '../../errors/wedge-error.js';
import { expectedAnswer } from './expected-answer.js';
import { sentenceTagger, type SentenceTagger, type TokenClass } from './sentence-tagger.js';
import { typedFit } from './typed-fit.js';

/** The typed features the answer model reads beside its own, in the order it was trained on them. */
export const WINDOW_TYPE_FEATURES = ['asks-number', 'asks-date', 'asks-name', 'typed', 'typed-near'] as const;

/** What a question's expected answer says of every window: its classes, its own stems, and the words an answer attaches to. */
export interface QuestionType { classes: TokenClass[]; stems: Set<string>; anchors: Set<string> }

const NUMBERS: TokenClass[] = ['number', 'money', 'percent', 'duration'];

/** Reads a factoid question's expected answer (expected-answer.ts) once; undefined for a question answered in words. */
export function questionType(question: string, tagger: SentenceTagger): QuestionType | undefined {
  const expected = expectedAnswer(question, tagger);
  if (!expected) return undefined;
  const tokens = tagger(question);
  // The head noun the answer attaches to ("how many *troops*"); without one, the question's nouns.
  const anchors = expected.head.length ? expected.head.map((h) => h.stem) : tokens.filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN').map((t) => t.stem);
  return { classes: expected.classes, stems: new Set(tokens.map((t) => t.stem)), anchors: new Set(anchors) };
}

/**
 * WINDOW_TYPE_FEATURES for one window: which kind of answer the question asks for (a number, a date, a name), whether
 * the window holds a token of that kind that is not the question's own, and how near it stands to what it is
 * about (typed-fit.ts). All 0 for a question answered in words.
 */
export function windowTypeFeatures(type: QuestionType | undefined, window: string, tagger: SentenceTagger): number[] {
  if (!type) return WINDOW_TYPE_FEATURES.map(() => 0);
  const fit = typedFit({ classes: type.classes, head: [] }, type.stems, (token) => type.anchors.has(token.stem), tagger(window));
  return [type.classes.some((c) => NUMBERS.includes(c)) ? 1 : 0, type.classes.includes('date') ? 1 : 0, type.classes.includes('name') ? 1 : 0, fit.typed, fit.near];
}

/**
 * How a model whose header names `extra` features reads a question's windows: WINDOW_TYPE_FEATURES for each window,
 * or undefined for a model that reads none. A model naming other features was trained by another version: refused.
 */
export function windowFeaturesFor(extra: readonly string[], question: string): ((window: string) => number[]) | undefined {
  if (!extra.length) return undefined;
  if (extra.join() !== WINDOW_TYPE_FEATURES.join()) throw new DataFileError(`the answer model reads ${extra.join(', ')}; this version computes ${WINDOW_TYPE_FEATURES.join(', ')}`);
  const tagger = sentenceTagger();
  const type = questionType(question, tagger);
  return (window) => windowTypeFeatures(type, window, tagger);
}
