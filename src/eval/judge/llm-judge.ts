import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type OpenAI from 'openai';
import { z } from 'zod';
import { fillTemplate } from '../../answer/generators/load-prompts.js';
import type { Config } from '../../config/load-config.js';
import { createOpenAIClient } from '../../embeddings/create-openai-client.js';
import { ConfigError } from '../../errors/wedge-error.js';
import type { SupportJudge } from '../score/score-answers.js';

const verdictSchema = z.object({ supported: z.boolean(), reason: z.string().default('') });

/** An NLI-style LLM judge (prompts/judge.md): one call per statement and source; an unusable reply counts as unsupported. */
export function createLlmJudge(client: OpenAI, model: string, template: string, timeoutMs: number): SupportJudge {
  return async (statement, source) => {
    const reply = await client.chat.completions.create({
      model, temperature: 0,
      messages: [{ role: 'user', content: fillTemplate(template, { statement, source: source.replace(/<\/?source>/gi, '') }) }],
    }, { timeout: timeoutMs });
    const content = reply.choices?.[0]?.message?.content ?? '';
    try {
      const verdict = verdictSchema.parse(JSON.parse(content.replace(/^```(?:json)?\s*|\s*```$/g, '')));
      return { supported: verdict.supported, score: verdict.supported ? 1 : 0, reason: verdict.reason || 'llm judge' };
    } catch {
      return { supported: false, score: 0, reason: 'the llm judge gave no usable verdict' };
    }
  };
}

/** Builds the LLM judge from config (needs OPENAI_API_KEY or OPENAI_BASE_URL). */
export async function createLlmJudgeFromConfig(config: Config, fetch?: typeof globalThis.fetch): Promise<SupportJudge> {
  const file = path.join(config.promptsDir, 'judge.md');
  const template = await readFile(file, 'utf8').catch(() => { throw new ConfigError(`Prompt file ${file} is missing; restore it from the repository or set WEDGE_PROMPTS_DIR.`); });
  return createLlmJudge(await createOpenAIClient(config, fetch), config.openaiModel, template, config.openaiTimeoutMs);
}
