import type { Hit } from '../../retrieval/hit.js';
import type { AnswerMode, Citation, Side } from '../answer-result.js';
import type { DocLookup } from '../evidence.js';
import type { QuestionAnalysis } from '../ranking/question-analysis.js';
import type { RankedSentence } from '../ranking/rank-sentences.js';
import type { StanceCues } from '../steelman/classify-stance.js';

/** A side to argue, with the passages retrieved for it. */
export interface SideRequest { label: string; thesis: string; hits: Hit[] }

/** What a generator gets: the question, the retrieved passages, and for steelman the sides. */
export interface GenerateInput {
  question: string;
  mode: AnswerMode;
  hits: Hit[];
  sides?: SideRequest[];
  docs: DocLookup;
  /** Articles the question names by author or publisher; their sentences are preferred. */
  namedSources?: string[];
  /** Earlier turns, oldest first, for generators that can use them. */
  history: Array<{ role: 'user' | 'assistant'; content: string }>;
  signal?: AbortSignal;
  /** IDF of lexical terms over the corpus, for ranking sentences. */
  idf?: (term: string) => number;
  /** Word-vector cosine of two words, for aligning question and sentence words. */
  cosine?: (a: string, b: string) => number;
  /** The question as read and its candidate sentences ranked, when answering has already done it. */
  analysis?: QuestionAnalysis;
  ranked?: RankedSentence[];
  /** The corpus's own stance cues (`wedge.yaml`), for steelman mode. */
  stanceCues?: StanceCues;
}

/** A generator's answer before ids and timings are added. */
export interface Draft {
  answer: string;
  citations: Citation[];
  sides?: Side[];
  abstained: boolean;
  generator: string;
  degraded?: boolean;
  degradedReason?: string;
}

/** Writes an answer from retrieved passages; every implementation cites verbatim sentences only. */
export interface AnswerGenerator {
  readonly name: string;
  /**
   * False for a generator that never waits on the outside (the offline one): the routes then make no AbortSignal for
   * its requests. Unset means it may read `input.signal`.
   */
  readonly usesSignal?: boolean;
  generate(input: GenerateInput): Promise<Draft>;
}
