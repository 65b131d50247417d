import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { judgeKnowledge } from '../src/answer/citations/judge-knowledge.js';
import type { AnswerDeps } from '../src/answer/answer-question.js';
import { createAnswerDeps } from '../src/answer/create-answer-deps.js';
import type { DocLookup } from '../src/answer/evidence.js';
import { analyseQuestion } from '../src/answer/ranking/question-analysis.js';
import { assessQuestion, candidateEvidence } from '../src/answer/assess-question.js';
import { namedSources } from '../src/answer/named-sources.js';
import { ANSWERABILITY_FEATURES } from '../src/answer/ranking/answerability.js';
import { predict, toCandidates, type RankerWeights } from '../src/answer/ranking/rank-sentences.js';
import { ANSWERABILITY_WEIGHTS } from '../src/answer/ranking/ranker-weights.js';
import type { Hit } from '../src/retrieval/hit.js';
import { FEATURE_NAMES, sentenceFeatures } from '../src/answer/ranking/sentence-features.js';
import { loadConfig } from '../src/config/load-config.js';
import { readJsonl, unanswerableSchema } from '../src/eval/question-sets.js';
import { readRetrievalDataset, type RetrievalQuestionInput } from '../src/eval/retrieval-dataset.js';
import { containsGold } from '../src/eval/retrieval-metrics.js';
import { prepareIndex } from '../src/indexing/prepare-index.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const LAMBDAS = [0.001, 0.01, 0.1, 1, 10];
const FOLDS = 5;

interface Row { question: string; corpus: FitCorpus; features: number[][]; labels: number[]; answerable: boolean; hits: Hit[]; named: string[] }

/** Pointwise logistic regression (class-balanced, L2) on standardised features, for the question-level answerability model. */
function fitLogistic(x: number[][], y: number[], names: readonly string[], lambda = 0.01): RankerWeights {
  const d = names.length;
  const mean = Array.from({ length: d }, (_, j) => x.reduce((s, v) => s + v[j]!, 0) / x.length);
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(x.reduce((s, v) => s + (v[j]! - mean[j]!) ** 2, 0) / x.length) || 1);
  const z = x.map((v) => v.map((value, j) => (value - mean[j]!) / scale[j]!));
  const positive = y.filter(Boolean).length;
  const weightOf = (label: number) => (label ? y.length / (2 * Math.max(1, positive)) : y.length / (2 * Math.max(1, y.length - positive)));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let step = 0; step < 2000; step += 1) {
    const grad = w.map((value) => lambda * value);
    let gradB = 0;
    z.forEach((v, i) => {
      const p = 1 / (1 + Math.exp(-(b + v.reduce((s, value, j) => s + value * w[j]!, 0))));
      const error = (p - y[i]!) * weightOf(y[i]!) / z.length;
      for (let j = 0; j < d; j += 1) grad[j] = grad[j]! + error * v[j]!;
      gradB += error;
    });
    for (let j = 0; j < d; j += 1) w[j] = w[j]! - 0.5 * grad[j]!;
    b -= 0.5 * gradB;
  }
  return { features: [...names], mean, scale, coefficients: w, bias: b };
}

/**
 * Listwise logistic model (conditional logit, as in learning-to-rank's ListNet with one relevant class): per
 * question, the softmax over its candidates should put its mass on the gold sentences. L2-regularised, batch
 * gradient descent on standardised features.
 */
function fit(rows: Row[], lambda: number): RankerWeights {
  const x = rows.flatMap((r) => r.features);
  const d = FEATURE_NAMES.length;
  const mean = Array.from({ length: d }, (_, j) => x.reduce((s, v) => s + v[j]!, 0) / x.length);
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(x.reduce((s, v) => s + (v[j]! - mean[j]!) ** 2, 0) / x.length) || 1);
  const lists = rows.filter((r) => r.labels.some(Boolean)).map((r) => ({ z: r.features.map((v) => v.map((value, j) => (value - mean[j]!) / scale[j]!)), labels: r.labels }));
  const w = new Array<number>(d).fill(0);
  for (let step = 0; step < 400; step += 1) {
    const grad = w.map((value) => lambda * value);
    for (const { z, labels } of lists) {
      const scores = z.map((v) => v.reduce((s, value, j) => s + value * w[j]!, 0));
      const top = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - top));
      const all = exp.reduce((a, b) => a + b, 0);
      const gold = exp.reduce((a, e, i) => a + (labels[i] ? e : 0), 0);
      // d(-log(gold/all)) = E_all[x] - E_gold[x]
      z.forEach((v, i) => {
        const coefficient = exp[i]! / all - (labels[i] ? exp[i]! / gold : 0);
        for (let j = 0; j < d; j += 1) grad[j] = grad[j]! + coefficient * v[j]! / lists.length;
      });
    }
    for (let j = 0; j < d; j += 1) w[j] = w[j]! - 0.5 * grad[j]!;
  }
  // The listwise model ranks; Platt scaling (one slope, one bias, fitted on the same candidates) turns its scores into probabilities.
  const points = lists.flatMap((l) => l.z.map((v, i) => ({ s: v.reduce((sum, value, j) => sum + value * w[j]!, 0), y: l.labels[i]! })));
  let [a, bias] = [1, -2];
  for (let step = 0; step < 500; step += 1) {
    let [ga, gb] = [0, 0];
    for (const { s: score, y } of points) {
      const error = 1 / (1 + Math.exp(-(a * score + bias))) - y;
      ga += error * score;
      gb += error;
    }
    a -= 0.5 * ga / points.length;
    bias -= 0.5 * gb / points.length;
  }
  for (let j = 0; j < d; j += 1) w[j] = w[j]! * a;
  return { features: [...FEATURE_NAMES], mean, scale, coefficients: w, bias };
}

/** Share of questions whose top-ranked sentence is gold, and whose top three hold one. */
function precisionAt(rows: Row[], weights: RankerWeights): { p1: number; p3: number } {
  let p1 = 0;
  let p3 = 0;
  const scored = rows.filter((r) => r.answerable);
  for (const row of scored) {
    const order = row.features.map((f, i) => ({ p: predict(f, weights), label: row.labels[i]! })).sort((a, b) => b.p - a.p);
    if (order[0]?.label) p1 += 1;
    if (order.slice(0, 3).some((o) => o.label)) p3 += 1;
  }
  return { p1: p1 / scored.length, p3: p3 / scored.length };
}

/** A corpus the models are fitted on: its answering dependencies and its dev questions. */
interface FitCorpus { name: string; deps: AnswerDeps; answerable: RetrievalQuestionInput[]; unanswerable: Array<{ question: string }> }

/** Indexes a corpus beside the default index and reads its dev questions. */
async function openCorpus(name: string, corpusDir: string, answerable: RetrievalQuestionInput[], unanswerable: Array<{ question: string }>): Promise<FitCorpus> {
  const config = { ...loadConfig(process.env), store: 'local' as const, corpusDir, indexDir: path.join(root, 'indexes', name), cacheDir: path.join(root, 'indexes/.cache') };
  await prepareIndex(config, { log: console.error });
  return { name, deps: await createAnswerDeps(config), answerable, unanswerable };
}

/**
 * Fits the answer ranker and the answerability model on dev questions with 5-fold cross-validation and writes
 * src/answer/ranking/ranker-weights.ts. Dev questions come from the default corpus (every v1 question, the dev
 * half of v2) and from any corpus folder named on the command line (evals/corpus3 is kept for that). The v2 test
 * half and evals/corpus2 are never read here.
 */
async function main(): Promise<void> {
  const corpora = [await openCorpus('default', path.join(root, 'corpus'),
    [...await readRetrievalDataset(path.join(root, 'evals/retrieval.jsonl')), ...(await readRetrievalDataset(path.join(root, 'evals/answers-v2.jsonl'))).filter((q) => q.split === 'dev')],
    [...await readJsonl(path.join(root, 'evals/unanswerable.jsonl'), unanswerableSchema), ...(await readJsonl(path.join(root, 'evals/unanswerable-v2.jsonl'), unanswerableSchema)).filter((q) => q.split === 'dev')])];
  // More corpora to fit on, by folder (questions.jsonl and unanswerable.jsonl inside): `npm run fit:ranker -- evals/corpus3`.
  for (const dir of process.argv.slice(2)) {
    const folder = path.resolve(root, dir);
    if (!existsSync(path.join(folder, 'questions.jsonl'))) throw new Error(`${dir}: no questions.jsonl`);
    corpora.push(await openCorpus(path.basename(folder), folder,
      await readRetrievalDataset(path.join(folder, 'questions.jsonl')), await readJsonl(path.join(folder, 'unanswerable.jsonl'), unanswerableSchema)));
  }
  const rowOf = async (corpus: FitCorpus, question: string, gold: Array<{ docId: string; quote: string }>, isAnswerable: boolean): Promise<Row> => {
    const { retriever } = corpus.deps;
    const docs: DocLookup = (docId) => retriever.index.docs.get(docId);
    const knowledge = { idf: retriever.idf, cosine: judgeKnowledge(corpus.deps.wordVectors).cosine };
    // As answerQuestion does: the same retrieval, the same candidate sentences.
    const hits = await retriever.search(question, { k: 8, otherArticles: 2 });
    const named = namedSources(question, retriever.index.docs);
    const evidence = candidateEvidence(hits, docs, named);
    const analysis = analyseQuestion(question);
    const candidates = toCandidates(evidence, knowledge.idf);
    const spans = gold.map((g) => { const start = docs(g.docId)!.body.indexOf(g.quote); return { docId: g.docId, start, end: start + g.quote.length }; });
    return {
      question,
      corpus,
      features: sentenceFeatures(analysis, candidates, knowledge),
      labels: evidence.map((item) => (spans.some((g) => containsGold(item, g)) ? 1 : 0)),
      answerable: isAnswerable,
      hits,
      named,
    };
  };
  const rows: Row[] = [];
  const negatives: Row[] = [];
  for (const corpus of corpora) {
    for (const q of corpus.answerable) rows.push(await rowOf(corpus, q.question, q.gold, true));
    for (const q of corpus.unanswerable) negatives.push(await rowOf(corpus, q.question, [], false));
  }
  console.log(`fit-answer-ranker — ${new Date().toISOString().slice(0, 10)}; corpora ${corpora.map((c) => `${c.name} (${c.answerable.length} + ${c.unanswerable.length})`).join(', ')}; ${rows.length} answerable questions (${rows.filter((r) => r.labels.some(Boolean)).length} with a gold sentence retrieved), ${rows.reduce((s, r) => s + r.labels.length, 0)} candidate sentences`);
  // Unfitted rankers on the same candidates: the old answerer's lead score, IDF-weighted word overlap, and Yadav et al.'s alignment.
  const column = (name: string) => FEATURE_NAMES.indexOf(name as (typeof FEATURE_NAMES)[number]);
  const byScore = (score: (f: number[]) => number) => {
    const scored = rows.filter((r) => r.labels.length);
    let p1 = 0;
    for (const row of scored) {
      const top = row.features.map((f, i) => ({ s: score(f), label: row.labels[i]! })).sort((a, b) => b.s - a.s)[0];
      if (top?.label) p1 += 1;
    }
    return (p1 / rows.length).toFixed(3);
  };
  console.log(`  unfitted gold@1: old lead score ${byScore((f) => 0.55 * f[column('retrieval')]! + 0.45 * f[column('passage')]! - 0.02 * (1 / f[column('rank')]! - 1))}, IDF word overlap ${byScore((f) => f[column('lexical')]!)}, alignment (Yadav et al.) ${byScore((f) => f[column('alignment')]!)}`);
  const folds = Array.from({ length: FOLDS }, (_, f) => ({ train: rows.filter((_, i) => i % FOLDS !== f), test: rows.filter((_, i) => i % FOLDS === f) }));
  let best = { lambda: LAMBDAS[0]!, p1: -1, p3: 0 };
  for (const lambda of LAMBDAS) {
    let p1 = 0;
    let p3 = 0;
    for (const { train, test } of folds) {
      const r = precisionAt(test, fit(train, lambda));
      p1 += r.p1 * test.length;
      p3 += r.p3 * test.length;
    }
    const cv = { lambda, p1: p1 / rows.length, p3: p3 / rows.length };
    console.log(`  lambda ${lambda}: 5-fold CV gold@1 ${cv.p1.toFixed(3)}, gold in top 3 ${cv.p3.toFixed(3)}`);
    if (cv.p1 > best.p1) best = cv;
  }
  const weights = fit(rows, best.lambda);
  // Answerability: a question-level model on its best-ranked sentences, fitted on the same dev questions (answerable and not).
  const questionFeatures = (row: Row) => {
    const { retriever, wordVectors } = row.corpus.deps;
    return assessQuestion({ question: row.question, context: '', hits: row.hits, docs: (docId) => retriever.index.docs.get(docId), retriever, vectors: wordVectors, namedSources: row.named }, { ranker: weights, answerability: ANSWERABILITY_WEIGHTS }).features;
  };
  const all = [...rows, ...negatives];
  const ax = all.map(questionFeatures);
  const ay = all.map((r) => (r.answerable ? 1 : 0));
  let cvAnswered = 0;
  let cvDeclined = 0;
  for (let f = 0; f < FOLDS; f += 1) {
    const trainIdx = all.map((_, i) => i).filter((i) => i % FOLDS !== f);
    const model = fitLogistic(trainIdx.map((i) => ax[i]!), trainIdx.map((i) => ay[i]!), ANSWERABILITY_FEATURES);
    all.forEach((row, i) => {
      if (i % FOLDS !== f) return;
      const keep = predict(ax[i]!, model) >= 0.5;
      if (row.answerable && keep) cvAnswered += 1;
      if (!row.answerable && !keep) cvDeclined += 1;
    });
  }
  const gate = fitLogistic(ax, ay, ANSWERABILITY_FEATURES);
  // The cut-off: the highest that still answers 98% of the dev answerable questions (the answered gate).
  const answerableScores = rows.map((r, i) => predict(ax[i]!, gate)).sort((a, b) => a - b);
  const cutoff = Number(Math.min(0.5, answerableScores[Math.floor(answerableScores.length * 0.02)] ?? 0.5).toFixed(4));
  const declinedAt = negatives.filter((_, i) => predict(ax[rows.length + i]!, gate) < cutoff).length / negatives.length;
  console.log(`  answerability: 5-fold CV at 0.5 answered ${(cvAnswered / rows.length).toFixed(3)}, declined ${(cvDeclined / negatives.length).toFixed(3)}; cut-off ${cutoff} (in-sample declined ${declinedAt.toFixed(3)})`);
  console.log(`  answerability weights: ${ANSWERABILITY_FEATURES.map((name, j) => `${name} ${gate.coefficients[j]!.toFixed(2)}`).join(', ')}`);
  console.log(`  chosen lambda ${best.lambda}`);
  console.log(`  weights: ${FEATURE_NAMES.map((name, j) => `${name} ${weights.coefficients[j]!.toFixed(2)}`).join(', ')}`);
  const r = (n: number) => Number(n.toFixed(5));
  await writeFile(path.join(root, 'src/answer/ranking/ranker-weights.ts'), `import type { RankerWeights } from './rank-sentences.js';

/**
 * Fitted by \`npm run fit:ranker\` (bench/fit-answer-ranker.ts) on ${new Date().toISOString().slice(0, 10)}: logistic regression over
 * ${rows.length} dev questions' candidate sentences, L2 lambda ${best.lambda} chosen by 5-fold cross-validation
 * (gold@1 ${best.p1.toFixed(3)}, gold in top 3 ${best.p3.toFixed(3)}). Do not edit by hand.
 */
export const RANKER_WEIGHTS: RankerWeights = {
  features: ${JSON.stringify(FEATURE_NAMES)},
  mean: ${JSON.stringify(weights.mean.map(r))},
  scale: ${JSON.stringify(weights.scale.map(r))},
  coefficients: ${JSON.stringify(weights.coefficients.map(r))},
  bias: ${r(weights.bias)},
};

/**
 * Question-level answerability model over its best-ranked sentences (answerability.ts), fitted on the same dev
 * questions with their unanswerable twins (5-fold CV at 0.5: answered ${(cvAnswered / rows.length).toFixed(3)}, declined ${(cvDeclined / negatives.length).toFixed(3)}).
 * Below \`cutoff\` the question is declined: the highest cut-off that still answers 98% of the dev answerable questions.
 */
export const ANSWERABILITY_WEIGHTS: RankerWeights & { cutoff: number } = {
  features: ${JSON.stringify(ANSWERABILITY_FEATURES)},
  mean: ${JSON.stringify(gate.mean.map(r))},
  scale: ${JSON.stringify(gate.scale.map(r))},
  coefficients: ${JSON.stringify(gate.coefficients.map(r))},
  bias: ${r(gate.bias)},
  cutoff: ${cutoff},
};
`);
}

await main();
