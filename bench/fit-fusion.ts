import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolvePaths } from '../src/cli/resolve-paths.js';
import { loadConfig } from '../src/config/load-config.js';
import { createEmbedder } from '../src/embeddings/create-embedder.js';
import { createLangchainBm25 } from '../src/eval/baseline/langchain-bm25.js';
import { readBank } from '../src/eval/bank/read-bank.js';
import { reciprocalRankAtK, recallAtK } from '../src/eval/retrieval-metrics.js';
import { openIndex } from '../src/indexing/open-index.js';
import { createRetriever, type FusionSettings } from '../src/retrieval/create-retriever.js';
import { goldSpans } from '../src/eval/gold-span.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const split = process.argv[2] ?? 'train';

/**
 * R@5 and MRR@10 of each corpus of a split (the bank's, and the project's own as npm run eval splits them) under a
 * grid of fusion settings, beside the LangChain recipe, over the indexes npm run eval built: fit on train, choose on
 * dev; test is measured once, by npm run eval, with the setting in use.
 */
async function main(): Promise<void> {
  if (split !== 'train' && split !== 'dev') throw new Error('fit-fusion measures train or dev; test is measured by npm run eval');
  const config = resolvePaths(loadConfig({ ...process.env, WEDGE_GENERATOR: 'extractive' }), root);
  const bank = await readBank(path.join(root, 'evals/bank'), config.dataDir);
  if (!bank.available) throw new Error(bank.note);
  const embedder = await createEmbedder(config);
  const grid: FusionSettings[] = [];
  for (const denseWeight of [0, 0.1, 0.2, 0.3, 0.5]) for (const mmrLambda of [0.7, 0.85, 1]) grid.push({ denseWeight, mmrLambda });
  const totals = grid.map(() => ({ r: 0, m: 0, n: 0, below: 0 }));
  const base = { r: 0, m: 0 };
  // The project's own corpora join as npm run eval has them: the default corpus's first set in train, its second set's dev and test, corpus3 train, corpus2 test.
  type Question = { question: string; gold: Array<{ docId: string; quote: string }>; split?: string };
  const jsonl = (file: string) => readFileSync(path.join(root, 'evals', file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Question);
  const locals = [
    { id: 'default v1', split: 'train', dir: 'indexes/default', questions: jsonl('retrieval.jsonl') },
    { id: 'default v2', split: 'dev', dir: 'indexes/default', questions: jsonl('answers-v2.jsonl').filter((q) => q.split === 'dev') },
    { id: 'default v2', split: 'test', dir: 'indexes/default', questions: jsonl('answers-v2.jsonl').filter((q) => q.split === 'test') },
    { id: 'corpus3', split: 'train', dir: 'indexes/corpus3', questions: jsonl('corpus3/questions.jsonl') },
    { id: 'corpus2', split: 'test', dir: 'indexes/corpus2', questions: jsonl('corpus2/questions.jsonl') },
  ];
  const corpora = [
    ...locals.filter((l) => l.split === split),
    ...bank.corpora.filter((c) => c.meta.split === split).map((c) => ({ id: c.meta.id, split, dir: path.join('indexes/bank', c.meta.id, 'index'), questions: c.answerable as Question[] })),
  ];
  for (const corpus of corpora) {
    const index = await openIndex(path.join(root, corpus.dir), embedder);
    const docs = index.docs;
    const questions = corpus.questions.map((q) => ({ q, gold: goldSpans(q.gold, (docId) => docs.get(docId)?.body) }));
    const lc = await createLangchainBm25(docs);
    let lr = 0; let lm = 0;
    for (const { q, gold } of questions) { const hits = lc(q.question, 10); lr += recallAtK(hits, gold, 5); lm += reciprocalRankAtK(hits, gold, 10); }
    base.r += lr; base.m += lm;
    const row: string[] = [];
    for (const [i, fusion] of grid.entries()) {
      const retriever = createRetriever(index, fusion);
      let r = 0; let m = 0;
      for (const { q, gold } of questions) { const hits = await retriever.search(q.question, { k: 10 }); r += recallAtK(hits, gold, 5); m += reciprocalRankAtK(hits, gold, 10); }
      totals[i]!.r += r; totals[i]!.m += m; totals[i]!.n += questions.length;
      if (r < lr || m < lm) totals[i]!.below += 1;
      row.push(`${(r / questions.length).toFixed(3)}/${(m / questions.length).toFixed(3)}`);
    }
    const at = (dw: number, l: number) => row[grid.findIndex((g) => g.denseWeight === dw && g.mmrLambda === l)];
    console.log(`${corpus.id.padEnd(22)} LC ${(lr / questions.length).toFixed(3)}/${(lm / questions.length).toFixed(3)}  in use (0.5, 0.7) ${at(0.5, 0.7)}  chosen (0.1, 0.85) ${at(0.1, 0.85)}`);
  }
  const n = totals[0]!.n;
  console.log(`LangChain recipe: R@5 ${(base.r / n).toFixed(3)} MRR@10 ${(base.m / n).toFixed(3)}`);
  for (const [i, fusion] of grid.entries()) console.log(`denseWeight ${fusion.denseWeight} λ ${fusion.mmrLambda}: R@5 ${(totals[i]!.r / n).toFixed(3)} MRR@10 ${(totals[i]!.m / n).toFixed(3)} corpora below the recipe ${totals[i]!.below}`);
}

await main();
