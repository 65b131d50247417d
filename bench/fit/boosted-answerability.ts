import { writeFile } from 'node:fs/promises';
import { assessQuestion } from '../../src/answer/assess-question.js';
import type { BoostedAnswerability } from '../../src/answer/ranking/answerability-model.js';
import { boostedAnswerability, boostedInputs, BOOSTED_INPUTS } from '../../src/answer/ranking/answerability.js';
import type { RankerWeights } from '../../src/answer/ranking/rank-sentences.js';
import { RANKER_WEIGHTS } from '../../src/answer/ranking/ranker-weights.js';
import { rocAuc } from '../../src/eval/meaning/meaning-figures.js';
import type { Hit } from '../../src/retrieval/hit.js';
import type { MeaningModel } from '../../src/meaning/meaning-model.js';
import type { FitCorpus, FitQuestion } from './fit-corpora.js';
import { decidedShare, decisionShares } from './decision-shares.js';
import { fitBoosted, type BoostOptions } from './fit-boosted.js';
import { definesTarget, definitionTarget } from '../../src/answer/typing/definition-target.js';

/** What the boosted fit reads of a question: its corpus, the question, what was retrieved for it and the sources it names. */
export interface BoostRow { corpus: FitCorpus; q: FitQuestion; hits: Hit[]; named: string[]; decisionHits?: Hit[] }

// Chosen between on dev: the trees' size, and how much more a question of the default corpus's first sets weighs
// than a bank question (the product's own corpus, whose gates answer all of them and decline 0.95 of the rest).
const GRID: Array<Partial<BoostOptions> & { firstSets: number }> = [1, 4, 16].flatMap((firstSets) => [{ depth: 3, rounds: 200, firstSets }, { depth: 4, rounds: 300, firstSets }]);

/** The vector the boosted model reads for a question, computed as answering computes it (assessQuestion), with the probe's ranker ordering its top sentences. */
function inputsOf(row: BoostRow, probe: BoostedAnswerability, answer?: MeaningModel): { x: number[]; defined: boolean; unnamed: boolean } {
  const { retriever, wordVectors } = row.corpus.deps;
  const assessment = assessQuestion({ question: row.q.question, context: '', hits: row.hits, docs: (docId) => retriever.index.docs.get(docId), retriever, vectors: wordVectors, namedSources: row.named, ...(row.decisionHits ? { decisionHits: row.decisionHits } : {}) }, { ranker: RANKER_WEIGHTS, answerability: probe, ...(answer ? { answer } : {}) });
  // A definition question whose candidates say what its term is is answered whatever the model scores (assessQuestion).
  const target = definitionTarget(row.q.question);
  return {
    x: boostedInputs(assessment.features, assessment.ranked),
    defined: Boolean(target && assessment.ranked.some((c) => definesTarget(c.item.text, target))),
    // A question naming what no article mentions is declined before any model reads it (answerQuestion).
    unnamed: assessment.coverage.missingNames.length > 0,
  };
}

/**
 * Fits the boosted answerability model on train and writes it to `file`. For each setting of GRID, the cut-off is
 * the highest at which no dev set (the bank's dev corpora; the default corpus's v2 and v3 dev halves together)
 * answers a smaller share of its answerable questions or declines a smaller share of its unanswerable ones than the
 * model in use, every answerable question of the default corpus's first sets (train) is answered, and their
 * unanswerable ones are declined at least as often:
 * declining more near misses may not cost answers. The setting kept declines the most dev near misses there.
 */
export async function fitBoostedAnswerability(train: BoostRow[], dev: BoostRow[], decisionRanker: RankerWeights, inUse: { dev: number[]; train: number[]; cutoff: number }, file: string, dryRun: boolean, answer?: MeaningModel): Promise<void> {
  const ranker = { ...decisionRanker, features: [...decisionRanker.features] };
  // Trees that read nothing yet: the assessment computes the inputs, typed ones included, and scores 0.5.
  const probe: BoostedAnswerability = { kind: 'boosted-trees', features: [...BOOSTED_INPUTS], base: 0, trees: [], ranker, cutoff: 0, fitted: {} };
  const trainIn = train.map((r) => inputsOf(r, probe, answer));
  const devIn = dev.map((r) => inputsOf(r, probe, answer));
  const trainX = trainIn.map((i) => i.x);
  const devX = devIn.map((i) => i.x);
  // Decisions are counted as answering makes them: a question naming what no article mentions is declined, and a
  // definition question its candidates define is answered, by either model, whatever it scores.
  const asAnswered = (scores: number[], inputs: typeof devIn) => scores.map((score, i) => (inputs[i]!.unnamed ? -Infinity : inputs[i]!.defined ? Infinity : score));
  inUse = { ...inUse, dev: asAnswered(inUse.dev, devIn), train: asAnswered(inUse.train, trainIn) };
  const y = train.map((r) => (r.q.answerable ? 1 : 0));
  const devAuc = (scores: number[]) => rocAuc(scores.filter((_, i) => dev[i]!.q.answerable), scores.filter((_, i) => dev[i]!.q.nearMiss));
  const inUseAuc = devAuc(inUse.dev);
  const isDefault = (r: BoostRow) => r.corpus.name.startsWith('default');
  // Each round of the bank's dev corpora is a dev set of its own, as each has gates of its own (round 1 speeches,
  // round 3 news and essays, round 4 news as web pages): a gain on one kind of text cannot hide a loss on another.
  // With --dev-per-corpus each bank dev corpus is one, which is stricter: a corpus's loss cannot hide behind its round's gains.
  const rounds = [...new Set(dev.filter((r) => r.corpus.source !== 'project').map((r) => r.corpus.round))].sort((a, b) => a - b);
  const bankDev = [...new Set(dev.filter((r) => r.corpus.source !== 'project').map((r) => r.corpus.name))].sort();
  const sets = [
    ...(process.argv.includes('--dev-per-corpus')
      ? bankDev.map((name) => ({ name: `bank dev, ${name}`, key: `bank-dev-${name}`, pick: (r: BoostRow) => r.corpus.name === name }))
      : rounds.map((round) => ({ name: `bank dev, round ${round}`, key: round === 1 ? 'bank-dev' : `bank-dev-r${round}`, pick: (r: BoostRow) => r.corpus.source !== 'project' && r.corpus.round === round }))),
    { name: 'default dev (v2, v3)', key: 'default-dev', pick: isDefault },
  ].filter((set) => dev.some(set.pick));
  const floor = sets.map((set) => decidedShare(dev, inUse.dev, inUse.cutoff, (r) => set.pick(r) && r.q.answerable, true));
  const declineFloor = sets.map((set) => decidedShare(dev, inUse.dev, inUse.cutoff, (r) => set.pick(r) && !r.q.answerable, false));
  const v1 = (r: BoostRow) => r.corpus.name === 'default' && r.q.answerable;
  const v1Unanswerable = (r: BoostRow) => r.corpus.name === 'default' && !r.q.answerable;
  const v1Declined = decidedShare(train, inUse.train, inUse.cutoff, v1Unanswerable, false);
  const grid = Array.from({ length: 197 }, (_, i) => Number((0.01 + 0.005 * i).toFixed(3)));
  type Fit = { options: (typeof GRID)[number]; trees: ReturnType<typeof fitBoosted>; auc: number; cutoff?: number; nearMisses: number };
  let chosen: Fit | undefined;
  for (const options of GRID) {
    const trees = fitBoosted(trainX, y, BOOSTED_INPUTS, options, train.map((r) => (isDefault(r) ? options.firstSets : 1)));
    const devScores = asAnswered(devX.map((x) => boostedAnswerability(x, trees)), devIn);
    const trainScores = asAnswered(trainX.map((x) => boostedAnswerability(x, trees)), trainIn);
    // Answering: no dev set answers less, and the first sets are all answered. Declining: no dev set declines less, and the first sets' unanswerable questions are declined at least as often.
    const answers = (c: number) => sets.every((set, k) => decidedShare(dev, devScores, c, (r) => set.pick(r) && r.q.answerable, true) >= floor[k]! - 1e-9) && decidedShare(train, trainScores, c, v1, true) === 1;
    const declines = (c: number) => decidedShare(train, trainScores, c, v1Unanswerable, false) >= v1Declined - 1e-9
      && sets.every((set, k) => decidedShare(dev, devScores, c, (r) => set.pick(r) && !r.q.answerable, false) >= declineFloor[k]! - 1e-9);
    const cutoff = grid.filter((c) => answers(c) && declines(c)).at(-1);
    const fit: Fit = { options, trees, auc: devAuc(devScores), cutoff, nearMisses: cutoff === undefined ? 0 : decidedShare(dev, devScores, cutoff, (r) => r.q.nearMiss, false) };
    console.log(`  boosted ${JSON.stringify(options)}: dev AUC ${fit.auc.toFixed(3)} (in use ${inUseAuc.toFixed(3)}); cut-offs answering no less up to ${grid.filter(answers).at(-1)}, declining as often on every dev set and the first sets (in use ${v1Declined.toFixed(3)}) from ${grid.filter(declines).at(0)}${cutoff === undefined ? ': none does both' : `: ${cutoff}, dev near misses declined ${fit.nearMisses.toFixed(3)}`}`);
    // When no cut-off does both, each set's own bounds say which one blocks, and the first sets' questions on the
    // wrong side of the other bound say why (they are train questions).
    const low = grid.filter(declines).at(0);
    if (cutoff === undefined) {
      const bounds = sets.map((set, k) => `${set.name} answers no less up to ${grid.filter((c) => decidedShare(dev, devScores, c, (r) => set.pick(r) && r.q.answerable, true) >= floor[k]! - 1e-9).at(-1)}, declines as often from ${grid.find((c) => decidedShare(dev, devScores, c, (r) => set.pick(r) && !r.q.answerable, false) >= declineFloor[k]! - 1e-9)}`);
      console.log(`    ${bounds.join('; ')}; first sets declines as often from ${grid.find((c) => decidedShare(train, trainScores, c, v1Unanswerable, false) >= v1Declined - 1e-9)}`);
    }
    if (cutoff === undefined && low !== undefined) {
      const missed = train.map((r, i) => ({ r, s: trainScores[i]! })).filter(({ r, s }) => v1(r) && s < low).sort((a, b) => a.s - b.s);
      for (const { r, s } of missed.slice(0, 6)) console.log(`    first-set answerable below ${low}: ${s.toFixed(3)} ${r.q.question}`);
      if (process.env.WEDGE_FIT_SHOW_DEV) {
        const lost = dev.map((r, i) => ({ r, s: devScores[i]!, was: inUse.dev[i]! })).filter(({ r, s, was }) => isDefault(r) && r.q.answerable && s < low && was >= inUse.cutoff).sort((a, b) => a.s - b.s);
        for (const { r, s, was } of lost) console.log(`    default dev answerable the model in use answers (${was.toFixed(3)}), below ${low} here: ${s.toFixed(3)} [${r.q.qtype}] ${r.q.question}`);
      }
    }
    if (cutoff !== undefined && (!chosen || fit.nearMisses > chosen.nearMisses || (fit.nearMisses === chosen.nearMisses && fit.auc > chosen.auc))) chosen = fit;
  }
  if (!chosen) {
    console.log('  no boosted model both answers no less and declines as often: nothing written');
    return;
  }
  const cutoff = chosen.cutoff!;
  const devScores = asAnswered(devX.map((x) => boostedAnswerability(x, chosen!.trees)), devIn);
  const figures: Record<string, number> = { devAuc: Number(chosen.auc.toFixed(3)) };
  for (const set of sets) {
    const line = (label: string, scores: number[], at: number) => {
      const f = decisionShares(dev, scores, at, set.pick);
      console.log(`  ${set.name}, ${label}: answered ${f.answered.toFixed(3)}, declined ${f.declined.toFixed(3)}, near misses declined ${f.nearMisses.toFixed(3)}`);
      return f;
    };
    line(`in use (cut-off ${inUse.cutoff})`, inUse.dev, inUse.cutoff);
    const f = line(`boosted (cut-off ${cutoff})`, devScores, cutoff);
    Object.assign(figures, Object.fromEntries(Object.entries(f).map(([name, value]) => [`${set.key}-${name}`, Number(value.toFixed(3))])));
  }
  if (dryRun) return;
  const round = (n: number) => Number(n.toPrecision(6));
  const model: BoostedAnswerability = {
    kind: 'boosted-trees', features: chosen.trees.features, base: round(chosen.trees.base),
    // Thresholds stay exact (each is a training value, and x ≤ threshold must hold for it); leaf values are rounded.
    trees: chosen.trees.trees.map((t) => ({ ...t, value: t.value.map(round) })),
    ranker, cutoff,
    fitted: { date: new Date().toISOString().slice(0, 10), by: `npm run fit:ranker -- ${process.argv.slice(2).join(' ')}`, train: `${train.length} questions, ${new Set(train.map((r) => r.corpus.name)).size} corpora`, dev: `${dev.length} questions, ${new Set(dev.map((r) => r.corpus.name)).size} corpora`, options: chosen.options, ...figures },
  };
  await writeFile(file, `${JSON.stringify(model)}\n`);
  console.log(`  wrote ${file}`);
}
