import type { BankSuite, TallyWithBaseline } from '../eval/bank/bank-suites.js';
import type { BankEvalResult } from './bank-eval.js';
import type { MeaningEvalResult } from './meaning-eval.js';
import type { CliIo } from './cli-io.js';
import type { StanceFigures } from '../eval/bank/score-bank-items.js';

const f3 = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(3));
// Which side a sentence argues, where the classifier gives one: the figure steelman rests on.
const sidedLine = (s: StanceFigures) => (s.sided ? `; the right side for ${f3(s.sided.accuracy)} of the ${s.sided.n} arguing sentences it gives a side (the commoner side ${f3(s.sided.majority)})` : '');

function row(io: CliIo, name: string, t: TallyWithBaseline): void {
  const answerable = t.answerable ? (n: number) => f3(n) : () => '—';
  io.stdout(`  ${name.padEnd(22)}${`${t.answerable}+${t.unanswerable}`.padEnd(10)}${`${answerable(t.recallAt5)} (${answerable(t.baselineRecallAt5)})`.padEnd(16)}${`${answerable(t.mrrAt10)} (${answerable(t.baselineMrrAt10)})`.padEnd(16)}${answerable(t.answered).padEnd(10)}${answerable(t.goldCited).padEnd(8)}${(t.unanswerable ? f3(t.declined) : '—').padEnd(10)}${(t.nearMisses ? f3(t.nearMissesDeclined) : '—').padEnd(13)}${t.answerable ? f3(t.citedGold) : '—'}\n`);
}

function suite(io: CliIo, s: BankSuite): void {
  io.stdout(`\nbank ${s.split}: ${s.counts.corpora} corpora, ${s.counts.answerable} answerable, ${s.counts.unanswerable} unanswerable (${s.counts.nearMisses} near misses); citations verbatim ${f3(s.answers.citationValidity)}, citation recall ${f3(s.answers.citationRecall)}, precision ${f3(s.answers.citationPrecision)}, faithfulness ${f3(s.answers.faithfulness)}\n`);
  io.stdout(`  ${''.padEnd(22)}${'questions'.padEnd(10)}${'R@5 (LC)'.padEnd(16)}${'MRR (LC)'.padEnd(16)}${'answered'.padEnd(10)}${'gold'.padEnd(8)}${'declined'.padEnd(10)}${'near misses'.padEnd(13)}cited gold\n`);
  row(io, 'all', s.figures);
  if (Object.keys(s.byRound).length > 1) for (const [round, t] of Object.entries(s.byRound)) row(io, `round ${round}`, t);
  for (const [type, t] of Object.entries(s.byType)) row(io, `type ${type}`, t);
  for (const [corpus, t] of Object.entries(s.byCorpus)) row(io, corpus, t);
}

/** The bank's part of `wedge eval`'s report: each split by type and by corpus, then stance and support on its items. */
export function printBank(io: CliIo, bank: BankEvalResult): void {
  if (!bank.available) {
    io.stdout(`\n${bank.note}\n`);
    return;
  }
  io.stdout('\nQuestion bank (R@5 and MRR beside the LangChain recipe: RecursiveCharacterTextSplitter 1000/200 + MiniSearch BM25)\n');
  for (const s of bank.suites) suite(io, s);
  for (const [split, s] of Object.entries(bank.stance)) io.stdout(`bank ${split} stance (today's classifier): ${s.n} sentences, accuracy ${f3(s.accuracy)}, majority class ${f3(s.majority)} (${Object.entries(s.labels).map(([l, n]) => `${l} ${n}`).join(', ')})${sidedLine(s)}\n`);
  for (const [split, s] of Object.entries(bank.support)) io.stdout(`bank ${split} support (today's judge): ${s.n} pairs, accuracy ${f3(s.accuracy)}, supported kept ${f3(s.supportedKept)}; rejected ${Object.entries(s.rejectedByKind).map(([k, r]) => `${k} ${r.rejected}/${r.n}`).join(', ')}\n`);
}

/** The meaning model's figures on test data it never trained on, each beside its baseline. */
export function printMeaning(io: CliIo, meaning: MeaningEvalResult): void {
  if (!meaning.available) {
    io.stdout(`${meaning.note}\n`);
    return;
  }
  io.stdout(`\nMeaning model (${meaning.model}), test data only:\n`);
  io.stdout(`  stance, bank test: ${meaning.stance.n} sentences, accuracy ${f3(meaning.stance.accuracy)} (majority class ${f3(meaning.stance.majority)})${sidedLine(meaning.stance)}\n`);
  io.stdout(`  stance, stance-v2 test: ${meaning.stanceV2.n} sentences, accuracy ${f3(meaning.stanceV2.accuracy)} (majority class ${f3(meaning.stanceV2.majority)})\n`);
  io.stdout(`  support, bank test: ${meaning.support.n} pairs, accuracy ${f3(meaning.support.accuracy)}, supported kept ${f3(meaning.support.supportedKept)}; rejected ${Object.entries(meaning.support.rejectedByKind).map(([k, r]) => `${k} ${r.rejected}/${r.n}`).join(', ')}\n`);
  io.stdout(`  answer (${meaning.answerModel}), bank test: gold window first for ${f3(meaning.answer.goldFirst)} of ${meaning.answer.questions} questions (BM25's order ${f3(meaning.answer.bm25First)}); near misses' best window below the gold one, AUC ${f3(meaning.answer.nearMissAuc)} (${meaning.answer.nearMisses} near misses)\n`);
  io.stdout(`  same point (${meaning.samePointModel}), ArgKP test topics: ${meaning.samePoint.pairs} pairs, precision ${f3(meaning.samePoint.precision)}, recall ${f3(meaning.samePoint.recall)}, F1 ${f3(meaning.samePoint.f1)} (each pair alone at p > 0.5: F1 ${f3(meaning.samePoint.pairwiseF1)})\n`);
}
