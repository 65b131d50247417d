import type { Context } from 'hono';
import { z } from 'zod';
import type { AnswerDeps } from '../../answer/answer-question.js';
import { judgeKnowledge } from '../../answer/citations/judge-knowledge.js';
import { answerItemSchema } from '../../eval/score/answer-item.js';
import { offlineJudge, scoreAnswers } from '../../eval/score/score-answers.js';
import { readJson } from './read-json.js';

const scoreRequestSchema = z.object({ items: z.array(answerItemSchema).min(1).max(200) });

/** POST /api/score: `{items: [...]}` in `wedge score`'s input format, its output back (offline judge). */
export function scoreRoute(getDeps: () => AnswerDeps) {
  return async (c: Context) => {
    const { items } = await readJson(c, scoreRequestSchema);
    const deps = getDeps();
    return c.json(await scoreAnswers(items, deps.retriever.index.docs, offlineJudge(judgeKnowledge(deps.wordVectors))));
  };
}
