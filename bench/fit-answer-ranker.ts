import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assessQuestion, candidateEvidence } from '../src/answer/assess-question.js';
import { judgeKnowledge } from '../src/answer/citations/judge-knowledge.js';
import type { DocLookup } from '../src/answer/evidence.js';
import { namedSources } from '../src/answer/named-sources.js';
import { retrieveAnswerPassages } from '../src/answer/retrieve-answer-passages.js';
import { answerability, ANSWERABILITY_FEATURES, TYPED_QUESTION_FEATURES } from '../src/answer/ranking/answerability.js';
import { analyseQuestion } from '../src/answer/ranking/question-analysis.js';
import { toCandidates, type RankerWeights } from '../src/answer/ranking/rank-sentences.js';
import { ANSWERABILITY_WEIGHTS, RANKER_WEIGHTS } from '../src/answer/ranking/ranker-weights.js';
import { FEATURE_NAMES, sentenceFeatures, TYPED_FEATURES } from '../src/answer/ranking/sentence-features.js';
import { loadConfig } from '../src/config/load-config.js';
import { loadMeaningModel } from '../src/meaning/meaning-model.js';
import { rocAuc } from '../src/eval/meaning/meaning-figures.js';
import { containsGold } from '../src/eval/retrieval-metrics.js';
import { goldSpans } from '../src/eval/gold-span.js';
import type { Hit } from '../src/retrieval/hit.js';
import { fitBoostedAnswerability } from './fit/boosted-answerability.js';
import { decisionShares } from './fit/decision-shares.js';
import { openFitCorpora, type FitCorpus, type FitQuestion } from './fit/fit-corpora.js';
import { fitListwise, fitLogistic, precisionAt } from './fit/fit-logistic.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const LAMBDAS = [0.001, 0.01, 0.1, 1];
// The cut-off keeps at least this share of dev's answerable questions answered (the bank's answered gates sit near 0.88, v2's at 0.95).
const ANSWERED_TARGET = 0.95;
// --untyped fits the features the weights in use read, without the tagged answer types (answers v3's typing step).
const UNTYPED = process.argv.includes('--untyped');
const without = (names: readonly string[], left: readonly string[]) => names.filter((name) => !left.includes(name));
const RANKER_NAMES = UNTYPED ? without(FEATURE_NAMES, TYPED_FEATURES) : [...FEATURE_NAMES];
// The logistic model never reads the answer model's score (only the boosted one does, --boosted).
const GATE_NAMES = without(UNTYPED ? without(ANSWERABILITY_FEATURES, TYPED_QUESTION_FEATURES) : ANSWERABILITY_FEATURES, ['answer-score']);
// --answer-model lets the boosted model read the answer model's score (measured on dev, not chosen: BENCHMARKS.md, "Answer model v2").
const ANSWER_MODEL = process.argv.includes('--answer-model');
// --ranker-only writes the refitted answer ranker and keeps the answerability model in use, with the ranker it was
// fitted on as its own: what is quoted changes, what is declined does not.
const RANKER_ONLY = process.argv.includes('--ranker-only');
const BY_KIND = process.argv.includes('--by-kind');
/** A feature vector cut down to `names` (the fitting routines read columns in their names' order). */
const project = (vector: number[], all: readonly string[], names: readonly string[]) => names.map((name) => vector[all.indexOf(name)]!);

interface Row { corpus: FitCorpus; q: FitQuestion; features: number[][]; labels: number[]; hits: Hit[]; named: string[]; decisionHits?: Hit[] }

/** The candidates of one question as answerQuestion sees them: the same retrieval, the same candidate sentences. */
async function rowOf(corpus: FitCorpus, q: FitQuestion): Promise<Row> {
  const { retriever } = corpus.deps;
  const docs: DocLookup = (docId) => retriever.index.docs.get(docId);
  const knowledge = { idf: retriever.idf, cosine: judgeKnowledge(corpus.deps.wordVectors).cosine };
  const { hits, decisionHits } = await retrieveAnswerPassages(retriever, q.question, { k: 8, context: '', otherArticles: 2, mode: 'answer' });
  const named = namedSources(q.question, retriever.index.docs);
  const evidence = candidateEvidence(hits, docs, named);
  const candidates = toCandidates(evidence, knowledge.idf);
  const spans = goldSpans(q.gold, (docId) => docs(docId)?.body);
  return { corpus, q, features: sentenceFeatures(analyseQuestion(q.question, { typed: true }), candidates, knowledge), labels: evidence.map((item) => (spans.some((g) => containsGold(item, g)) ? 1 : 0)), hits, named, ...(decisionHits ? { decisionHits } : {}) };
}

const questionFeatures = (row: Row, ranker: RankerWeights) => {
  const { retriever, wordVectors } = row.corpus.deps;
  return assessQuestion({ question: row.q.question, context: '', hits: row.hits, docs: (docId) => retriever.index.docs.get(docId), retriever, vectors: wordVectors, namedSources: row.named, ...(row.decisionHits ? { decisionHits: row.decisionHits } : {}) }, { ranker, answerability: ANSWERABILITY_WEIGHTS }).features;
};

/** Answered, declined and near misses declined at a cut-off, overall and by question type. */
function decisions(rows: Row[], scores: number[], cutoff: number) {
  return { all: decisionShares(rows, scores, cutoff), byType: Object.fromEntries([...new Set(rows.map((r) => r.q.qtype))].sort().map((t) => [t, decisionShares(rows, scores, cutoff, (r) => r.q.qtype === t)])) };
}

const f3 = (n: number) => (Number.isNaN(n) ? '  -  ' : n.toFixed(3));

/**
 * Fits the answer ranker and the answerability model on the train corpora (fit-corpora.ts), chooses the
 * regularisation and the cut-off on dev, prints dev figures beside the weights in use, and writes
 * src/answer/ranking/ranker-weights.ts. Test corpora are measured by `npm run eval`, never here.
 */
async function main(): Promise<void> {
  const config = { ...loadConfig(process.env), corpusDir: path.join(root, 'corpus'), indexDir: path.join(root, 'indexes/default'), cacheDir: path.join(root, 'indexes/.cache') };
  // --default-dev-train fits on the default corpus's v2 and v3 dev halves too (its own kind of text: news with image
  // captions, which no bank corpus has), leaving the bank's dev corpora to choose; --out names the boosted model's file.
  const corpora = await openFitCorpora(config, root, (line) => console.error(line), { defaultDevAsTrain: process.argv.includes('--default-dev-train') });
  const outAt = process.argv.indexOf('--out');
  const boostedFile = path.resolve(root, outAt >= 0 ? process.argv[outAt + 1]! : 'models/answerability-v3.json');
  const rows: Row[] = [];
  for (const corpus of corpora) for (const q of corpus.questions) rows.push(await rowOf(corpus, q));
  const train = rows.filter((r) => r.corpus.split === 'train');
  const dev = rows.filter((r) => r.corpus.split === 'dev');
  const answerable = (list: Row[]) => list.filter((r) => r.q.answerable);
  console.log(`fit-answer-ranker — ${new Date().toISOString().slice(0, 10)}; train ${answerable(train).length} answerable + ${train.length - answerable(train).length} unanswerable over ${new Set(train.map((r) => r.corpus.name)).size} corpora; dev ${answerable(dev).length} + ${dev.length - answerable(dev).length} over ${new Set(dev.map((r) => r.corpus.name)).size}`);
  console.log(`  in use: dev gold@1 ${f3(precisionAt(answerable(dev), RANKER_WEIGHTS).p1)}`);
  let ranker = { lambda: 0, p1: -1, p3: 0, weights: RANKER_WEIGHTS };
  // Each kind of text on dev on its own (the bank's speeches, its written corpora, the default corpus's halves): with
  // --by-kind a ranker is kept only if none of them ranks gold lower, first or in the top three, than the one in use.
  const kinds = (['speeches', 'written', 'project'] as const).map((kind) => ({ kind, rows: answerable(dev).filter((r) => r.corpus.source === kind) })).filter((k) => k.rows.length);
  const inUseByKind = kinds.map((k) => precisionAt(k.rows, RANKER_WEIGHTS));
  console.log(`  in use by kind: ${kinds.map((k, i) => `${k.kind} ${f3(inUseByKind[i]!.p1)} / ${f3(inUseByKind[i]!.p3)}`).join(', ')}`);
  for (const written of BY_KIND ? [1, 3, 10] : [1]) {
    for (const lambda of LAMBDAS) {
      // --by-kind also weighs a train question of written text (news, essays, the project's corpora) `written` times a speech's.
      const lists = answerable(train).map((r) => ({ ...r, features: r.features.map((v) => project(v, FEATURE_NAMES, RANKER_NAMES)), weight: r.corpus.source === 'speeches' ? 1 : written }));
      const weights = fitListwise(lists, RANKER_NAMES, lambda);
      const { p1, p3 } = precisionAt(answerable(dev), weights);
      const byKind = kinds.map((k) => precisionAt(k.rows, weights));
      const holds = byKind.every((b, i) => b.p1 >= inUseByKind[i]!.p1 - 1e-9 && b.p3 >= inUseByKind[i]!.p3 - 1e-9);
      console.log(`  ranker written ×${written} lambda ${lambda}: dev gold@1 ${f3(p1)}, gold in top 3 ${f3(p3)}; by kind ${byKind.map((b) => `${f3(b.p1)} / ${f3(b.p3)}`).join(', ')}${holds ? '' : ' (a kind loses)'}`);
      if ((!BY_KIND || holds) && p1 > ranker.p1) ranker = { lambda, p1, p3, weights };
    }
  }
  if (BY_KIND && ranker.p1 < 0) {
    console.log('  no ranker keeps every kind of dev text at least where the one in use has it: nothing written');
    return;
  }
  if (process.argv.includes('--boosted')) {
    // The answer ranker in use stays; the refitted one orders the top sentences the boosted model reads.
    const inUse = (list: Row[]) => list.map((r) => answerability(questionFeatures(r, RANKER_WEIGHTS), ANSWERABILITY_WEIGHTS));
    const answer = ANSWER_MODEL ? await loadMeaningModel(path.resolve(root, config.answerModel), corpora[0]!.deps.wordVectors!) : undefined;
    if (answer) console.log(`  the boosted model reads the answer model's score (${config.answerModel})`);
    await fitBoostedAnswerability(train, dev, ranker.weights, { dev: inUse(dev), train: inUse(train), cutoff: ANSWERABILITY_WEIGHTS.cutoff }, boostedFile, process.argv.includes('--dry-run'), answer);
    return;
  }
  const trainX = train.map((r) => questionFeatures(r, ranker.weights));
  const devX = dev.map((r) => questionFeatures(r, ranker.weights));
  const devOld = dev.map((r) => answerability(questionFeatures(r, RANKER_WEIGHTS), ANSWERABILITY_WEIGHTS));
  const devAuc = (scores: number[]) => rocAuc(scores.filter((_, i) => dev[i]!.q.answerable), scores.filter((_, i) => dev[i]!.q.nearMiss));
  let gate = { lambda: 0, auc: -1, weights: ANSWERABILITY_WEIGHTS as RankerWeights, scores: devOld };
  console.log(`  in use: dev answerable-vs-near-miss AUC ${f3(devAuc(devOld))}`);
  for (const lambda of LAMBDAS) {
    const weights = fitLogistic(trainX.map((x) => project(x, ANSWERABILITY_FEATURES, GATE_NAMES)), train.map((r) => (r.q.answerable ? 1 : 0)), GATE_NAMES, lambda);
    const scores = devX.map((x) => answerability(x, weights));
    console.log(`  answerability lambda ${lambda}: dev AUC ${f3(devAuc(scores))}`);
    if (devAuc(scores) > gate.auc) gate = { lambda, auc: devAuc(scores), weights, scores };
  }
  const devAnswerable = gate.scores.filter((_, i) => dev[i]!.q.answerable).sort((x, y) => x - y);
  const cutoffAt = (share: number) => Number((devAnswerable[Math.floor(devAnswerable.length * (1 - share))] ?? 0.5).toFixed(4));
  const chosen = cutoffAt(ANSWERED_TARGET);
  const show = (label: string, scores: number[], at: number) => {
    const d = decisions(dev, scores, at);
    console.log(`  ${label}: dev answered ${f3(d.all.answered)}, declined ${f3(d.all.declined)}, near misses declined ${f3(d.all.nearMisses)}`);
    for (const [type, t] of Object.entries(d.byType)) console.log(`      ${type.padEnd(13)} answered ${f3(t.answered)}  declined ${f3(t.declined)}  near misses ${f3(t.nearMisses)}`);
  };
  show(`in use (cut-off ${ANSWERABILITY_WEIGHTS.cutoff})`, devOld, ANSWERABILITY_WEIGHTS.cutoff);
  show(`fitted (cut-off ${chosen})`, gate.scores, chosen);
  for (const share of [0.9, 0.92, 0.97]) {
    const d = decisions(dev, gate.scores, cutoffAt(share)).all;
    console.log(`  at ${share} of dev answered: cut-off ${cutoffAt(share)}, declined ${f3(d.declined)}, near misses ${f3(d.nearMisses)}`);
  }
  const trainScores = trainX.map((x) => answerability(x, gate.weights));
  // The default corpus's own sets, on their own: the product's corpus must not lose what it had.
  for (const [name, list] of [['default v1 (train)', train.map((r, i) => ({ r, s: trainScores[i]! }))], ['default dev (v2, v3)', dev.map((r, i) => ({ r, s: gate.scores[i]! }))]] as const) {
    const mine = list.filter(({ r }) => r.corpus.name.startsWith('default'));
    const yes = mine.filter((x) => x.r.q.answerable);
    const no = mine.filter((x) => !x.r.q.answerable);
    console.log(`  ${name}: answered ${f3(yes.filter((x) => x.s >= chosen).length / yes.length)}, declined by the model ${f3(no.filter((x) => x.s < chosen).length / no.length)}, gold@1 ${f3(precisionAt(yes.map((x) => x.r), ranker.weights).p1)}`);
  }
  console.log(`  answerability weights: ${GATE_NAMES.map((name, j) => `${name} ${gate.weights.coefficients[j]!.toFixed(2)}`).join(', ')}`);
  console.log(`  ranker weights: ${RANKER_NAMES.map((name, j) => `${name} ${ranker.weights.coefficients[j]!.toFixed(2)}`).join(', ')}`);
  if (process.argv.includes('--dry-run')) return;
  if (RANKER_ONLY) return writeRankerOnly(ranker, answerable(train).length, answerable(dev).length, new Set(train.map((row) => row.corpus.name)).size);
  const list = (weights: RankerWeights) => weightLines(weights, '  ');
  await writeFile(path.join(root, 'src/answer/ranking/ranker-weights.ts'), `import type { LogisticAnswerability } from '../assess-question.js';
import type { RankerWeights } from './rank-sentences.js';

/**
 * Fitted by \`npm run fit:ranker\` (bench/fit-answer-ranker.ts) on ${new Date().toISOString().slice(0, 10)}: listwise logistic regression over
 * the candidate sentences of ${answerable(train).length} train questions (${new Set(train.map((row) => row.corpus.name)).size} corpora), L2 lambda ${ranker.lambda} chosen on
 * ${answerable(dev).length} dev questions (gold@1 ${ranker.p1.toFixed(3)}, gold in top 3 ${ranker.p3.toFixed(3)}). Do not edit by hand.
 */
export const RANKER_WEIGHTS: RankerWeights = {
  features: ${JSON.stringify(RANKER_NAMES)},
${list(ranker.weights)}
};

/**
 * Question-level answerability model over its best-ranked sentences (answerability.ts), fitted on the same train
 * questions with ${train.length - answerable(train).length} unanswerable ones, lambda ${gate.lambda} chosen on dev (answerable vs near miss AUC ${gate.auc.toFixed(3)}).
 * Below \`cutoff\` a question is declined: the highest cut-off that still answers ${ANSWERED_TARGET} of the dev answerable questions.
 */
export const ANSWERABILITY_WEIGHTS: LogisticAnswerability = {
  features: ${JSON.stringify(GATE_NAMES)},
${list(gate.weights)}
  cutoff: ${chosen},
};
`);
}

const r5 = (n: number) => Number(n.toFixed(5));
/** A model's standardisation and coefficients as lines of ranker-weights.ts, rounded to five decimals. */
const weightLines = (weights: RankerWeights, indent: string) => [`mean: ${JSON.stringify(weights.mean.map(r5))},`, `scale: ${JSON.stringify(weights.scale.map(r5))},`, `coefficients: ${JSON.stringify(weights.coefficients.map(r5))},`, `bias: ${r5(weights.bias)},`].map((line) => `${indent}${line}`).join('\n');

/** Writes ranker-weights.ts with a refitted answer ranker and the answerability model in use, reading sentences in its own ranker's order. */
async function writeRankerOnly(ranker: { lambda: number; p1: number; p3: number; weights: RankerWeights }, trainCount: number, devCount: number, corpora: number): Promise<void> {
  const body = (weights: RankerWeights, indent: string) => `${indent}features: ${JSON.stringify(weights.features)},\n${weightLines(weights, indent)}`;
  const decisionRanker = ANSWERABILITY_WEIGHTS.ranker ?? RANKER_WEIGHTS;
  await writeFile(path.join(root, 'src/answer/ranking/ranker-weights.ts'), `import type { LogisticAnswerability } from '../assess-question.js';
import type { RankerWeights } from './rank-sentences.js';

/**
 * Fitted by \`npm run fit:ranker -- --ranker-only\` (bench/fit-answer-ranker.ts) on ${new Date().toISOString().slice(0, 10)}: listwise logistic regression
 * over the candidate sentences of ${trainCount} train questions (${corpora} corpora), L2 lambda ${ranker.lambda} chosen on ${devCount} dev
 * questions (gold@1 ${ranker.p1.toFixed(3)}, gold in top 3 ${ranker.p3.toFixed(3)}). It orders what is quoted. Do not edit by hand.
 */
export const RANKER_WEIGHTS: RankerWeights = {
${body(ranker.weights, '  ')}
};

/**
 * Question-level answerability model over its best-ranked sentences (answerability.ts), the one in use before this
 * fit, kept as it was (its own fit: BENCHMARKS.md, "Answers v2"). Below \`cutoff\` the question is declined. It reads
 * the sentences in the order of \`ranker\`, the answer ranker it was fitted with, so a refitted answer ranker leaves
 * its decisions as they were. Do not edit by hand.
 */
export const ANSWERABILITY_WEIGHTS: LogisticAnswerability = {
${body(ANSWERABILITY_WEIGHTS, '  ')}
  cutoff: ${ANSWERABILITY_WEIGHTS.cutoff},
  ranker: {
${body(decisionRanker, '    ')}
  },
};
`);
}

await main();
