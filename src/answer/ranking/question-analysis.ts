import { STOPWORDS } from '../../text/stopwords.js';
import { stemWord, tokenizeWords } from '../../text/tokenize-words.js';
import { expectedAnswer, type ExpectedAnswer } from '../typing/expected-answer.js';
import { sentenceTagger } from '../typing/sentence-tagger.js';

/** What kind of answer a question asks for, read from its wording (general English, no corpus knowledge). */
export type AnswerType = 'reason' | 'number' | 'time' | 'person' | 'place' | 'polar' | 'other';

/** A content word of the question, with its stem and whether it is written as a name. */
export interface QuestionTerm { word: string; stem: string; name: boolean }

/** A question read for answering: its answer type, content terms, the focus (what is asked about, names aside), and the tagged kind of answer a factoid question wants. */
export interface QuestionAnalysis { type: AnswerType; terms: QuestionTerm[]; focus: QuestionTerm[]; expected?: ExpectedAnswer }

const TYPES: Array<[AnswerType, RegExp]> = [
  ['number', /\b(how (many|much|large|big|long|far|old|often)|what (percentage|share|proportion|number|amount|size|figure)|by how much)\b/i],
  ['time', /\b(when|what (year|date|month|day|decade|time)|since when|how long ago)\b/i],
  ['reason', /\b(why|how come|what (are|were|is|was) the (main )?(reasons?|causes?|grounds)|for what reason|what explains|what makes|what drives|how (does|do|did|can|could|would|will|is|are))\b/i],
  ['person', /\b(who|whom|whose|which (person|people|leader|official|author|writer|president|minister))\b/i],
  ['place', /\b(where|which (country|countries|city|cities|region|place|state|nation))\b/i],
  ['polar', /^\s*(is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|may|might|must)\b/i],
];

// Words that frame a question rather than name its subject.
const FRAMING = new Set(['what', 'why', 'how', 'who', 'whom', 'whose', 'which', 'when', 'where', 'many', 'much', 'say', 'says', 'said', 'think', 'thinks', 'according', 'article', 'articles', 'author', 'authors', 'writer', 'argue', 'argues', 'argued', 'claim', 'claims', 'mention', 'mentions', 'explain', 'explains', 'describe', 'describes', 'tell', 'give', 'reason', 'reasons', 'main', 'kind', 'sort', 'way', 'ways', 'view', 'opinion', 'believe', 'believes', 'see', 'sees', 'steelman', 'side', 'sides', 'case', 'does', 'did', 'do', 'can', 'could', 'would', 'will', 'year', 'date', 'long', 'ago', 'percentage', 'number', 'amount',
  // Contractions as the tokenizer leaves them ("won't" → "wont").
  'wont', 'dont', 'doesnt', 'didnt', 'cant', 'couldnt', 'wouldnt', 'isnt', 'arent', 'wasnt', 'werent', 'shouldnt', 'hasnt', 'havent']);
const NAME = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}'’.-]*/gu;

/** The kind of answer a question asks for, from its wording alone. */
export function answerType(question: string): AnswerType {
  return TYPES.find(([, pattern]) => pattern.test(question))?.[0] ?? 'other';
}

/**
 * Reads a question: answer type, weighted content terms and focus (the content terms that are not names or
 * framing); with `typed` (for models that read the tagged answer type) also its expected answer.
 */
export function analyseQuestion(question: string, options: { typed?: boolean } = {}): QuestionAnalysis {
  const type = answerType(question);
  // A capital at the very start is grammar, not a name.
  const names = new Set([...question.matchAll(NAME)].filter((m) => m.index > 0).flatMap((m) => tokenizeWords(m[0])));
  const terms: QuestionTerm[] = [];
  const seen = new Set<string>();
  for (const word of tokenizeWords(question)) {
    if (STOPWORDS.has(word) || /^\d+$/.test(word) || seen.has(word)) continue;
    seen.add(word);
    terms.push({ word, stem: stemWord(word), name: names.has(word) });
  }
  const focus = terms.filter((t) => !t.name && !FRAMING.has(t.word));
  const expected = options.typed ? expectedAnswer(question, sentenceTagger()) : undefined;
  return { type, terms: terms.filter((t) => !FRAMING.has(t.word) || t.name), focus, ...(expected ? { expected } : {}) };
}
