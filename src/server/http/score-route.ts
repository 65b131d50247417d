import type { Context } from 'hono';
import { z } from 'zod';
import type { Retriever } from '../../retrieval/create-retriever.js';
import { answerItemSchema } from '../../eval/score/answer-item.js';
import { offlineJudge, scoreAnswers } from '../../eval/score/score-answers.js';
import { readJson } from './read-json.js';

const scoreRequestSchema = z.object({ items: z.array(answerItemSchema).min(1).max(200) });

/** POST /api/score: `{items: [...]}` in `wedge score`'s input format, its output back (offline judge). */
export function scoreRoute(getRetriever: () => Retriever) {
  return async (c: Context) => {
    const { items } = await readJson(c, scoreRequestSchema);
    return c.json(await scoreAnswers(items, getRetriever().index.docs, offlineJudge()));
  };
}
