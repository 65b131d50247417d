import path from 'node:path';
import { answerQuestion } from '../../src/answer/answer-question.js';
import { windowFeaturesFor } from '../../src/answer/typing/window-type-features.js';
import { loadConfig } from '../../src/config/load-config.js';
import { rocAuc } from '../../src/eval/meaning/meaning-figures.js';
import { containsGold } from '../../src/eval/retrieval-metrics.js';
import { loadMeaningModel } from '../../src/meaning/meaning-model.js';
import { openFitCorpora } from '../fit/fit-corpora.js';
import { goldSpans } from '../../src/eval/gold-span.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const REASONS = new Set(['why', 'how', 'multi-why']);

/**
 * `npm run bench:reasons [-- MODEL]`: on the dev corpora's reason questions (why, how,
 * multi-document why), does the answer model tell the listed reasons that are gold from those that are not? Prints
 * the ROC AUC of its score over the cited points, and the share of listed reasons that are gold if points after the
 * first were kept only above a threshold. Dev only: choosing a threshold here is what dev is for.
 */
async function main(): Promise<void> {
  const config = { ...loadConfig(process.env), corpusDir: path.join(root, 'corpus'), indexDir: path.join(root, 'indexes/default'), cacheDir: path.join(root, 'indexes/.cache') };
  const corpora = (await openFitCorpora(config, root, () => {})).filter((c) => c.split === 'dev');
  const model = await loadMeaningModel(path.resolve(root, process.argv[2] ?? config.answerModel), corpora[0]!.deps.wordVectors!);
  const lists: Array<{ corpus: string; points: Array<{ p: number; ranker: number; gold: boolean }> }> = [];
  for (const corpus of corpora) {
    const docs = (docId: string) => corpus.deps.retriever.index.docs.get(docId);
    for (const q of corpus.questions.filter((x) => x.answerable && REASONS.has(x.qtype))) {
      const result = await answerQuestion(corpus.deps, { messages: [{ role: 'user', content: q.question }], mode: 'answer' });
      if (result.abstained || result.citations.length < 2) continue;
      const spans = goldSpans(q.gold, (docId) => docs(docId)?.body);
      const extra = windowFeaturesFor(model.header.extra, q.question);
      const question = model.encode(q.question);
      lists.push({
        corpus: corpus.name,
        points: result.citations.map((c) => ({ p: model.score('answer', question, model.encode(c.quote), extra?.(c.quote))[1]!, ranker: c.score / result.citations[0]!.score, gold: spans.some((g) => containsGold(c, g)) })),
      });
    }
  }
  const later = lists.flatMap((l) => l.points.slice(1));
  console.log(`dev reason questions with 2+ points: ${lists.length} over ${new Set(lists.map((l) => l.corpus)).size} corpora; later points ${later.length}, gold ${later.filter((p) => p.gold).length}`);
  console.log(`AUC of the answer score, gold vs not, points after the first: ${rocAuc(later.filter((p) => p.gold).map((p) => p.p), later.filter((p) => !p.gold).map((p) => p.p)).toFixed(3)}`);
  console.log(`AUC of the ranker's probability over the first point's, the same points: ${rocAuc(later.filter((p) => p.gold).map((p) => p.ranker), later.filter((p) => !p.gold).map((p) => p.ranker)).toFixed(3)}`);
  const share = (keep: (p: { p: number }, i: number) => boolean, pick = (_: string) => true) => {
    const kept = lists.filter((l) => pick(l.corpus)).map((l) => l.points.filter(keep));
    return kept.reduce((sum, points) => sum + points.filter((p) => p.gold).length / points.length, 0) / Math.max(1, kept.length);
  };
  const names = [...new Set(lists.map((l) => l.corpus))];
  const goldKept = (t: number) => lists.reduce((n, l) => n + l.points.filter((p, i) => p.gold && (i === 0 || p.p >= t)).length, 0);
  const goldAll = goldKept(-1);
  // 1.01 keeps only the first point: a threshold only helps if it beats that plain truncation.
  for (const t of [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 1.01]) {
    const by = names.map((n) => `${n} ${share((p, i) => i === 0 || p.p >= t, (c) => c === n).toFixed(3)}`).join(', ');
    console.log(`threshold ${t}: listed reasons gold ${share((p, i) => i === 0 || p.p >= t).toFixed(3)}, gold reasons kept ${goldKept(t)}/${goldAll} (${by})`);
  }
}

await main();
