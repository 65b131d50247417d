import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import { GloveEmbedder, type GloveWeighting } from '../src/embeddings/glove-embedder.js';
import { loadGloveVectors } from '../src/embeddings/glove-vectors.js';
import { readRetrievalDataset, type RetrievalQuestion } from '../src/eval/retrieval-dataset.js';
import { coverageAtK, ndcgAtK, recallAtK, reciprocalRankAtK } from '../src/eval/retrieval-metrics.js';
import { buildIndex } from '../src/indexing/build-index.js';
import { openIndex } from '../src/indexing/open-index.js';
import { createRetriever, defaultFusion, type FusionSettings, type RetrievalMode, type Retriever } from '../src/retrieval/create-retriever.js';
import { goldSpan } from '../src/eval/gold-span.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const datasetFile = process.argv[2] ?? path.join(root, 'evals/retrieval.jsonl');
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!;
const fmt = (n: number) => n.toFixed(3);

async function score(retriever: Retriever, questions: RetrievalQuestion[], mode: RetrievalMode) {
  const bodies = retriever.index.docs;
  const totals = { recall5: 0, mrr10: 0, ndcg10: 0, coverage5: 0 };
  const byType: Record<string, { n: number; mrr10: number }> = {};
  const latencies: number[] = [];
  const misses: string[] = [];
  for (const q of questions) {
    const gold = q.gold.map((g) => {
      const span = goldSpan(bodies.get(g.docId)?.body ?? '', g.quote);
      if (!span) throw new Error(`${q.id}: gold quote not found in ${g.docId}: ${g.quote.slice(0, 60)}`);
      return { docId: g.docId, ...span };
    });
    const t = performance.now();
    const hits = await retriever.search(q.question, { k: 10, mode });
    latencies.push(performance.now() - t);
    const recall5 = recallAtK(hits, gold, 5);
    const mrr10 = reciprocalRankAtK(hits, gold, 10);
    totals.recall5 += recall5;
    totals.mrr10 += mrr10;
    totals.ndcg10 += ndcgAtK(hits, gold, 10);
    totals.coverage5 += coverageAtK(hits, gold, 5);
    const type = q.type ?? q.qtype ?? 'other';
    byType[type] ??= { n: 0, mrr10: 0 };
    byType[type]!.n += 1;
    byType[type]!.mrr10 += mrr10;
    if (recall5 < 1) misses.push(q.id);
  }
  const n = questions.length;
  return {
    recall5: totals.recall5 / n, mrr10: totals.mrr10 / n, ndcg10: totals.ndcg10 / n, coverage5: totals.coverage5 / n,
    mrrByType: Object.fromEntries(Object.entries(byType).map(([type, v]) => [type, v.mrr10 / v.n])),
    p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), misses,
  };
}

async function main(): Promise<void> {
  const questions = await readRetrievalDataset(datasetFile);
  const cacheDir = path.join(root, 'indexes/.cache');
  let t = performance.now();
  const vectors = await loadGloveVectors(cacheDir, (line) => process.stderr.write(`${line}\n`));
  const vectorLoadMs = performance.now() - t;
  const { articles } = await loadCorpus(path.join(root, 'corpus'));
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'wedge-bench-'));
  console.log(`wedge retrieval benchmark — ${questions.length} questions, ${articles.length} articles, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`);
  console.log(`word-vector cache load: ${vectorLoadMs.toFixed(0)} ms\n`);
  console.log('embedder              mode    recall@5  MRR@10  nDCG@10  cover@5  MRR lex/para/attr   p50 ms  p99 ms  build ms  misses@5');
  let defaultIndexDir = '';
  for (const weighting of ['mean', 'sif', 'sif-ccr'] as GloveWeighting[]) {
    const embedder = new GloveEmbedder(vectors, { weighting });
    const dir = path.join(tmp, weighting);
    t = performance.now();
    await buildIndex({ articles, embedder, indexDir: dir });
    const buildMs = performance.now() - t;
    if (weighting === 'sif') defaultIndexDir = dir;
    const index = await openIndex(dir, embedder);
    const fusions: Array<[string, FusionSettings | undefined]> = [
      ['hybrid*', undefined],
      ['rrf1:1', { ...defaultFusion(embedder.id), denseWeight: 1 }],
      ['no-mmr', { ...defaultFusion(embedder.id), mmrLambda: 1 }],
    ];
    const runs: Array<[string, RetrievalMode, FusionSettings | undefined]> = [
      ...(weighting === 'mean' ? [['bm25', 'bm25', undefined] as [string, RetrievalMode, undefined]] : []),
      ['dense', 'dense', undefined],
      ...fusions.map(([label, fusion]) => [label, 'hybrid', fusion] as [string, RetrievalMode, FusionSettings | undefined]),
    ];
    for (const [label, mode, fusion] of runs) {
      const retriever = createRetriever(index, fusion);
      const r = await score(retriever, questions, mode);
      const types = ['lexical', 'paraphrase', 'attribution'].map((type) => fmt(r.mrrByType[type] ?? 0)).join('/');
      console.log(`${(mode === 'bm25' ? '(none)' : embedder.id).padEnd(22)}${label.padEnd(8)}${fmt(r.recall5).padStart(8)}${fmt(r.mrr10).padStart(8)}${fmt(r.ndcg10).padStart(9)}${fmt(r.coverage5).padStart(9)}  ${types.padEnd(18)}${r.p50.toFixed(2).padStart(7)}${r.p99.toFixed(2).padStart(8)}${buildMs.toFixed(0).padStart(10)}  ${r.misses.join(',')}`);
    }
  }
  const cli = path.join(root, 'bin/wedge.js');
  const runs: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    t = performance.now();
    execFileSync(process.execPath, [cli, 'search', "why won't the split work?", '--index', defaultIndexDir, '--json'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    runs.push(performance.now() - t);
  }
  console.log('\nhybrid* = the default: BM25 + dense fused by weighted RRF (dense weight from defaultFusion), then MMR.');
  console.log('rrf1:1 = equal RRF weights; no-mmr = default weights without MMR re-ordering.');
  console.log(`\nwedge search end to end (process start to exit, default embedder): median ${percentile(runs, 0.5).toFixed(0)} ms, max ${Math.max(...runs).toFixed(0)} ms`);
  await rm(tmp, { recursive: true, force: true });
}

await main();
