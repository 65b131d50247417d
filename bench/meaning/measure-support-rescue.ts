import path from 'node:path';
import { judgeKnowledge } from '../../src/answer/citations/judge-knowledge.js';
import { scoreSupport } from '../../src/answer/citations/score-support.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { loadGloveVectors } from '../../src/embeddings/glove-vectors.js';
import { readBank } from '../../src/eval/bank/read-bank.js';
import { judgeLlmStyleAnswers, readLlmStyleAnswers } from '../../src/eval/judge/llm-style-answers.js';
import { readSupportDataset } from '../../src/eval/judge/support-dataset.js';
import { loadMeaningModel } from '../../src/meaning/meaning-model.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

/**
 * `npm run bench:support-rescue -- dev|test [THRESHOLDS]`: the judge's rules decide, and a claim they find only
 * partly supported (every guard passed, too little of it aligned) is counted supported when the meaning model's
 * support head gives it at least the threshold. Prints, per threshold (1.01: the rules alone), accuracy and
 * supported kept on the bank's pairs of the split, the support set and the LLM-style answers (dev: the dev set;
 * test: the two held-out sets), with the LLM-style figures by kind. `--model FILE` reads another support head
 * (`--support-guarded` trains one on the pairs the guards let through); `--decide` lets the head decide every pair
 * the guards let through (rules' supported and partial alike), not only rescue the partial ones.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--model');
  const file = at >= 0 ? args.splice(at, 2)[1]! : path.join(root, 'models/meaning-v1.bin');
  const decide = args.includes('--decide');
  const [split = 'dev', list = '1.01,0.5,0.4,0.3'] = args.filter((a) => a !== '--decide');
  const vectors = await loadGloveVectors(path.join(root, 'indexes/.cache'));
  const model = await loadMeaningModel(path.resolve(file), vectors);
  const knowledge = judgeKnowledge(vectors);
  const supports = (cited: string, statement: string) => model.score('support', model.encode(cited), model.encode(statement))[1]!;
  const judgeAt = (threshold: number) => (statement: string, cited: string) => {
    const verdict = scoreSupport(statement, cited, knowledge);
    if (threshold > 1 || verdict.level === 'unsupported' || (!decide && verdict.level === 'supported')) return verdict;
    return { ...verdict, level: supports(cited, statement) >= threshold ? 'supported' as const : 'partial' as const };
  };
  const bank = await readBank(path.join(root, 'evals/bank'), process.env.WEDGE_DATA_DIR ?? path.join(root, '../shared/data'));
  if (!bank.available) throw new Error(bank.note);
  const bankPairs = bank.corpora.filter((c) => c.meta.split === split).flatMap((c) => c.support);
  const pairs = (await readSupportDataset(path.join(root, 'evals/support.jsonl'))).filter((p) => (split === 'dev' ? p.split !== 'holdout' : p.split === 'holdout'));
  const docs = new Map((await loadCorpus(path.join(root, 'corpus'))).articles.map((a) => [a.meta.id, a]));
  const sets = split === 'dev' ? ['support-llm'] : ['support-llm-holdout', 'support-llm-holdout2'];
  for (const threshold of list.split(',').map(Number)) {
    const judge = judgeAt(threshold);
    const said = (p: { statement: string; cited: string }) => judge(p.statement, p.cited).level === 'supported';
    const share = <T>(items: T[], ok: (item: T) => boolean) => (items.filter(ok).length / Math.max(1, items.length)).toFixed(3);
    const llm: string[] = [];
    for (const set of sets) {
      const r = await judgeLlmStyleAnswers(await readLlmStyleAnswers(path.join(root, `evals/${set}.jsonl`)), docs, async (statement, source) => {
        const v = judge(statement, source);
        return { supported: v.level === 'supported', score: v.score, reason: v.reason, level: v.level };
      });
      llm.push(`${set} accuracy ${r.accuracy.toFixed(3)}, supported kept ${r.supportedRecall.toFixed(3)} (${Object.entries(r.byKind).map(([k, v]) => `${k} ${v.correct}/${v.n}`).join(', ')})`);
    }
    console.log(`threshold ${threshold}: bank ${split} accuracy ${share(bankPairs, (p) => said(p) === p.supported)}, supported kept ${share(bankPairs.filter((p) => p.supported), said)} (${bankPairs.length} pairs); support set ${share(pairs, (p) => said(p) === p.supported)} (${pairs.length}); ${llm.join('; ')}`);
  }
}

await main();
