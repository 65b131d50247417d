import { citedSpan, collectEvidence, sourceName, toCitations, type DocLookup } from '../evidence.js';
import { analyseQuestion, type QuestionAnalysis } from '../ranking/question-analysis.js';
import { modelsReadTypes } from '../assess-question.js';
import { rankSentences } from '../ranking/rank-sentences.js';
import { RANKER_WEIGHTS } from '../ranking/ranker-weights.js';
import { composeSteelman } from '../steelman/compose-steelman.js';
import type { AnswerGenerator, Draft, GenerateInput } from './answer-generator.js';
import { composePoints, type Point, type PointOptions } from './compose-points.js';

/** Options of the offline answerer. */
export interface ExtractiveOptions {
  /** Most points in one answer (a reasons question; a factual one gets its answer and up to two of context). */
  maxPoints?: number;
}

// A sentence with a cosine of 0.5 or more to a chosen one over IDF-weighted stems makes the same point.
const SAME_POINT = 0.5;

const quoteLine = (text: string) => `“${text.replace(/\s*\n\s*/g, ' ')}”`;

/** The Markdown of an answer: a list of distinct reasons, or the fact first and then its context. */
function render(points: Point[], analysis: QuestionAnalysis, docs: DocLookup): { answer: string; order: Array<Point['span']> } {
  const order: Array<Point['span']> = [];
  const cite = (span: (typeof order)[number]) => {
    order.push(span);
    return order.length;
  };
  // A caption is named as one, so a reader knows the quote describes a photo.
  const who = (docId: string, caption?: boolean) => `${sourceName(docs(docId)!.meta)}${caption ? ' (photo caption)' : ''}`;
  const lines: string[] = [];
  const pointLines = (point: Point, bullet: string) => {
    const body = docs(point.span.docId)!.body;
    const n = cite(point.span);
    const articles = 1 + point.also.length;
    const lead = articles > 1 ? `**${articles} articles make this point:** ` : '';
    lines.push(`${bullet}${lead}${quoteLine(body.slice(point.span.start, point.span.end))} — ${who(point.span.docId, point.span.caption)} [${n}]`);
    for (const also of point.also) {
      const m = cite(citedSpan(also.item, also.probability));
      lines.push(`${bullet ? '  ' : ''}- Also ${who(also.item.docId, also.item.caption)}: ${quoteLine(also.item.text)} [${m}]`);
    }
  };
  if (analysis.type === 'reason' && points.length > 1) {
    lines.push(`The articles give ${points.length} reasons, strongest first:`);
    for (const point of points) pointLines(point, '- ');
  } else {
    lines.push('**Answer:**');
    pointLines(points[0]!, '');
    if (points.length > 1) {
      lines.push('', 'Context:');
      for (const point of points.slice(1)) pointLines(point, '- ');
    }
  }
  return { answer: lines.join('\n'), order };
}

/**
 * The offline answerer, a query-focused extractive summariser: ranks the sentences of the retrieved passages
 * by a model fitted on dev questions (relevance, word-vector alignment, answer-type fit, centrality), folds
 * sentences that make the same point into one point with all its citations, and shapes the answer by
 * question type. Whether to answer at all is decided before (assess-question.ts). Every quote is verbatim.
 */
export function createExtractiveGenerator(options: ExtractiveOptions = {}): AnswerGenerator {
  return {
    name: 'extractive',
    usesSignal: false,
    async generate(input: GenerateInput): Promise<Draft> {
      if (input.mode === 'steelman' && input.sides) return composeSteelman(input.sides, input.docs, input.idf, input.stanceCues);
      const analysis = input.analysis ?? analyseQuestion(input.question, { typed: modelsReadTypes({ ranker: RANKER_WEIGHTS }) });
      const named = new Set(input.namedSources ?? []);
      let ranked = input.ranked;
      if (!ranked) {
        let evidence = collectEvidence(input.hits, input.docs);
        // A question that names its source ("what does Jin Canrong think…") is answered from that source alone, when it was retrieved.
        if (evidence.some((item) => named.has(item.docId))) evidence = evidence.filter((item) => named.has(item.docId));
        ranked = rankSentences(analysis, evidence, { idf: input.idf ?? (() => 1), cosine: input.cosine });
      }
      if (!ranked.length) return { answer: 'The articles don\'t cover this.', citations: [], abstained: true, generator: 'extractive' };
      const pointOptions: PointOptions = analysis.type === 'reason'
        ? { max: options.maxPoints ?? 4, samePoint: SAME_POINT, relative: 0.35, perDoc: named.size ? 4 : 2 }
        : { max: 3, samePoint: SAME_POINT, relative: 0.35, perDoc: named.size ? 3 : 2 };
      const points = composePoints(ranked, pointOptions);
      const { answer, order } = render(points, analysis, input.docs);
      return { answer, citations: toCitations(order, input.docs), abstained: false, generator: 'extractive' };
    },
  };
}
