import { collectEvidence, sourceName, toCitations } from '../evidence.js';
import { composeSteelman } from '../steelman/compose-steelman.js';
import type { AnswerGenerator, Draft, GenerateInput } from './answer-generator.js';
import { mergeAdjacent, pickEvidence } from './pick-evidence.js';

/** Options of the offline answerer. */
export interface ExtractiveOptions {
  /** Most sentences quoted in one answer. */
  maxPoints?: number;
}

/**
 * The offline answerer: quotes the best-supported sentences of the retrieved passages verbatim,
 * strongest first as the lead, then supporting points from other articles, each cited.
 */
export function createExtractiveGenerator(options: ExtractiveOptions = {}): AnswerGenerator {
  const maxPoints = options.maxPoints ?? 4;
  return {
    name: 'extractive',
    async generate(input: GenerateInput): Promise<Draft> {
      if (input.mode === 'steelman' && input.sides) return composeSteelman(input.sides, input.docs);
      const body = (docId: string) => input.docs(docId)!.body;
      const evidence = collectEvidence(input.hits, input.docs);
      // A question that names its source ("what does Jin Canrong think…") is answered from that source alone, when it was retrieved.
      const named = new Set(input.namedSources ?? []);
      const fromNamed = evidence.filter((item) => named.has(item.docId));
      const picked = mergeAdjacent(fromNamed.length
        ? pickEvidence(fromNamed, maxPoints, maxPoints)
        : pickEvidence(evidence, maxPoints), body);
      if (!picked.length) return { answer: 'The articles don\'t cover this.', citations: [], abstained: true, generator: 'extractive' };
      const citations = toCitations(picked, input.docs);
      const line = (i: number) => `“${citations[i]!.quote.replace(/\s*\n\s*/g, ' ')}” — ${sourceName(input.docs(citations[i]!.docId)!.meta)} [${i + 1}]`;
      const rest = citations.slice(1).map((_, i) => `- ${line(i + 1)}`);
      const answer = [`**In short:** ${line(0)}`, ...(rest.length ? ['', 'The articles also say:', ...rest] : [])].join('\n');
      return { answer, citations, abstained: false, generator: 'extractive' };
    },
  };
}
