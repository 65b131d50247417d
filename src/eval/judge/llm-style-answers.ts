import { z } from 'zod';
import { readJsonl } from '../question-sets.js';
import type { SupportJudge } from '../score/score-answers.js';
import { scoreAnswer } from '../score/score-answers.js';

/** Kinds of statement in evals/support-llm.jsonl: supported ones, and the hard negatives the judge must catch. */
export const statementKinds = ['paraphrase', 'verbatim', 'swap-parallel', 'swap-subject-object', 'attribution', 'modality', 'quantifier', 'causal', 'negation', 'number'] as const;

/** One answer written as chat models write them, with each statement labelled supported or not. */
export const llmStyleAnswerSchema = z.object({
  id: z.string(),
  style: z.string(),
  answer: z.string(),
  citations: z.array(z.object({ n: z.number().int(), docId: z.string(), quote: z.string() })),
  statements: z.array(z.object({ text: z.string(), supported: z.boolean(), kind: z.enum(statementKinds) })),
});

/** A labelled LLM-style answer. */
export type LlmStyleAnswer = z.infer<typeof llmStyleAnswerSchema>;

/** Reads evals/support-llm.jsonl. */
export function readLlmStyleAnswers(file: string): Promise<LlmStyleAnswer[]> {
  return readJsonl(file, llmStyleAnswerSchema);
}

/** How the judge did on labelled LLM-style answers: overall, per kind, and how many statements the splitter found differently. */
export interface LlmStyleResult { n: number; accuracy: number; supportedRecall: number; byKind: Record<string, { n: number; correct: number }>; misparsed: number; wrong: string[] }

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Scores each answer as `wedge score` does (statement splitting, citation markers, the judge) and
 * compares every statement's verdict with its label. A labelled statement the splitter did not find,
 * with its citations, counts as wrong.
 */
export async function judgeLlmStyleAnswers(items: LlmStyleAnswer[], docs: ReadonlyMap<string, { body: string }>, judge: SupportJudge): Promise<LlmStyleResult> {
  const byKind: LlmStyleResult['byKind'] = {};
  const wrong: string[] = [];
  let correct = 0;
  let n = 0;
  let supported = 0;
  let supportedRight = 0;
  let misparsed = 0;
  for (const item of items) {
    const scored = await scoreAnswer({ id: item.id, answer: item.answer, citations: item.citations }, docs, judge);
    item.statements.forEach((label, i) => {
      const found = scored.statements.find((s) => norm(s.text) === norm(label.text)) ?? scored.statements[i];
      const parsed = !!found && norm(found.text) === norm(label.text) && found.citations.length > 0;
      if (!parsed) misparsed += 1;
      const right = parsed && found!.supported === label.supported;
      const kind = (byKind[label.kind] ??= { n: 0, correct: 0 });
      kind.n += 1;
      n += 1;
      if (right) { kind.correct += 1; correct += 1; } else wrong.push(`${item.id}#${i + 1} (${label.kind})`);
      if (label.supported) { supported += 1; if (right) supportedRight += 1; }
    });
  }
  return { n, accuracy: n ? correct / n : 0, supportedRecall: supported ? supportedRight / supported : 0, byKind, misparsed, wrong };
}
