import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { UpstreamError } from '../../errors/wedge-error.js';
import type { Hit } from '../../retrieval/hit.js';
import type { Citation, Side } from '../answer-result.js';
import type { JudgeKnowledge } from '../citations/align-terms.js';
import { verifyClaim, type VerifiedSource } from '../citations/verify-claim.js';
import { sourceName, toCitations, type DocLookup } from '../evidence.js';
import { balanceLine } from '../steelman/balance-line.js';
import type { AnswerGenerator, Draft, GenerateInput } from './answer-generator.js';
import { fillTemplate, type Prompts } from './load-prompts.js';

const claimSchema = z.object({ text: z.string(), passages: z.array(z.string()) });
const answerOutput = z.object({ abstain: z.boolean(), claims: z.array(claimSchema) });
const steelmanOutput = z.object({
  sides: z.array(z.object({ label: z.string(), thesis: z.string(), points: z.array(claimSchema) })),
});

/** The model's reply could not be used (invalid JSON or shape, twice). */
export class InvalidModelOutputError extends UpstreamError {
  constructor(reason: string) { super(`The model's reply was not valid: ${reason}`); }
}

/** Settings of the LLM generator. */
export interface LlmGeneratorOptions {
  client: OpenAI;
  model: string;
  prompts: Prompts;
  timeoutMs: number;
  /** What the support judge knows (word vectors); the same knowledge `wedge score` judges with. */
  judge?: JudgeKnowledge;
}

function fencePassages(passages: Array<[string, Hit]>, docs: DocLookup): string {
  // Retrieved text is data: fenced, and unable to close its own fence.
  const escape = (text: string) => text.replace(/<\/?passage/gi, (m) => m.replace('<', '‹'));
  const items = passages.map(([id, hit]) => {
    const meta = docs(hit.docId)!.meta;
    return `<passage id="${id}" source="${escape(sourceName(meta))}" title="${escape(meta.title)}">\n${escape(hit.text)}\n</passage>`;
  });
  return `<passages>\n${items.join('\n')}\n</passages>`;
}

/**
 * Answers with an LLM through the official SDK, then verifies every claim: cited ids must be
 * passages it was given, and each claim is matched to the source sentence that supports it best;
 * unsupported claims are dropped. The quote is always that source sentence.
 */
export function createLlmGenerator(options: LlmGeneratorOptions): AnswerGenerator {
  const { client, model, prompts, timeoutMs } = options;
  let structuredOutputs = true;

  async function complete<T>(schema: z.ZodType<T>, name: string, user: string, signal?: AbortSignal): Promise<T> {
    let problem = '';
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
        { role: 'system', content: prompts.system },
        { role: 'user', content: problem ? `${user}\n\nYour previous reply was not valid (${problem}). Reply with the JSON only.` : user },
      ];
      let content: string | null | undefined;
      try {
        const reply = await client.chat.completions.create({
          model,
          messages,
          temperature: 0,
          ...(structuredOutputs ? { response_format: zodResponseFormat(schema as z.ZodType<T> & z.ZodObject, name) } : {}),
        }, { signal, timeout: timeoutMs });
        content = reply.choices?.[0]?.message?.content;
      } catch (error) {
        const status = (error as { status?: number }).status;
        // Servers without structured outputs reject response_format; the prompt already describes the JSON.
        if (structuredOutputs && status === 400 && /response_format|json_schema|structured/i.test((error as Error).message)) {
          structuredOutputs = false;
          attempt -= 1;
          continue;
        }
        throw error;
      }
      try {
        const json: unknown = JSON.parse((content ?? '').replace(/^```(?:json)?\s*|\s*```$/g, ''));
        return schema.parse(json);
      } catch (error) {
        problem = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : 'not JSON';
      }
    }
    throw new InvalidModelOutputError(problem);
  }

  return {
    name: 'llm',
    async generate(input: GenerateInput): Promise<Draft> {
      const pool = input.mode === 'steelman' && input.sides ? dedupeHits([...input.hits, ...input.sides.flatMap((s) => s.hits)]) : input.hits;
      const passages = pool.filter((hit) => hit.role === 'body').map((hit, i) => [`P${i + 1}`, hit] as [string, Hit]);
      const byId = new Map(passages);
      const history = input.history.map((m) => `${m.role}: ${m.content}`).join('\n') || '(none)';
      const verified: VerifiedSource[] = [];
      const cite = (text: string, ids: string[]): number | undefined => {
        const cited = ids.map((id) => byId.get(id.trim())).filter((hit): hit is Hit => !!hit);
        const source = cited.length ? verifyClaim(text, cited, input.docs, options.judge) : undefined;
        if (!source || source.support.level === 'unsupported') return undefined;
        const existing = verified.findIndex((v) => v.hit.docId === source.hit.docId && v.start === source.start && v.end === source.end);
        if (existing >= 0) return existing + 1;
        verified.push(source);
        return verified.length;
      };
      const citationsOf = (): Citation[] => toCitations(verified.map((v) => ({ docId: v.hit.docId, chunkId: v.hit.chunkId, start: v.start, end: v.end, score: v.support.score, ...(v.hit.role === 'caption' ? { caption: true as const } : {}) })), input.docs)
        .map((citation, i) => ({ ...citation, support: verified[i]!.support.level }));

      if (input.mode === 'steelman' && input.sides) {
        const [a, b] = input.sides;
        const reply = await complete(steelmanOutput, 'wedge_steelman', fillTemplate(prompts.steelman, {
          question: input.question, sideA: `${a!.label}: ${a!.thesis}`, sideB: `${b!.label}: ${b!.thesis}`, passages: fencePassages(passages, input.docs),
        }), input.signal);
        const usedBy = new Map<number, number>();
        const sides: Side[] = input.sides.slice(0, 2).map((side, s) => {
          const points = (reply.sides[s]?.points ?? []).flatMap((point) => {
            const n = cite(point.text, point.passages);
            if (n === undefined) return [];
            const concession = usedBy.has(n) && usedBy.get(n) !== s;
            usedBy.set(n, usedBy.get(n) ?? s);
            return [{ text: point.text, citations: [n], ...(concession ? { concession: true } : {}) }];
          });
          return { label: side.label, thesis: side.thesis, supportCount: new Set(points.map((p) => verified[p.citations[0]! - 1]!.hit.chunkId)).size, points };
        });
        const lines = sides.flatMap((side) => [
          `**${side.label}** (${side.supportCount} passage${side.supportCount === 1 ? '' : 's'}): ${side.thesis}`,
          ...(side.points.length ? side.points.map((p) => `- ${p.text}${p.concession ? ' (a concession by the other side)' : ''} [${p.citations[0]}]`) : ['- No passage in the articles makes this case.']),
          '',
        ]);
        const [x, y] = sides.map((side) => side.supportCount) as [number, number];
        lines.push(`**Balance:** ${balanceLine([sides[0]!, sides[1]!], [x, y])}`);
        if (x + y === 0) throw new InvalidModelOutputError('no steelman point survived citation checks');
        return { answer: lines.join('\n'), citations: citationsOf(), sides, abstained: false, generator: `llm:${model}` };
      }

      const reply = await complete(answerOutput, 'wedge_answer', fillTemplate(prompts.answer, {
        question: input.question, history, passages: fencePassages(passages, input.docs),
      }), input.signal);
      if (reply.abstain || !reply.claims.length) {
        return { answer: 'The articles don\'t cover this.', citations: [], abstained: true, generator: `llm:${model}` };
      }
      const sentences = reply.claims.flatMap((claim) => {
        const n = cite(claim.text, claim.passages);
        return n === undefined ? [] : [`${claim.text.trim()} [${n}]`];
      });
      if (!sentences.length) throw new InvalidModelOutputError('no claim was supported by the passages it cited');
      return { answer: sentences.join(' '), citations: citationsOf(), abstained: false, generator: `llm:${model}` };
    },
  };
}

function dedupeHits(hits: Hit[]): Hit[] {
  const seen = new Set<string>();
  return hits.filter((hit) => !seen.has(hit.chunkId) && seen.add(hit.chunkId));
}
