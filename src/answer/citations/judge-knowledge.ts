import { createWordCosine } from '../../embeddings/create-word-similarity.js';
import type { GloveVectors } from '../../embeddings/glove-vectors.js';
import type { JudgeKnowledge } from './align-terms.js';

const built = new WeakMap<GloveVectors, JudgeKnowledge>();

/**
 * What the support judge knows besides the two texts, the same wherever it runs (the LLM generator's
 * claim checks, `wedge score`, `POST /api/score`, `wedge eval`), so a verdict never depends on the path.
 */
export function judgeKnowledge(vectors?: GloveVectors): JudgeKnowledge {
  if (!vectors) return {};
  let knowledge = built.get(vectors);
  if (!knowledge) {
    knowledge = { cosine: createWordCosine(vectors) };
    built.set(vectors, knowledge);
  }
  return knowledge;
}
