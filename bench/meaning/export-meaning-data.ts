import { mkdir, open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadGloveVectors } from '../../src/embeddings/glove-vectors.js';
import { readBank } from '../../src/eval/bank/read-bank.js';
import { readJsonl, unanswerableSchema } from '../../src/eval/question-sets.js';
import { meaningTokens } from '../../src/meaning/meaning-tokens.js';
import { readCsv } from '../../src/eval/meaning/read-csv.js';
import { answerCandidates, type CandidateCorpus } from '../../src/eval/meaning/answer-candidates.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { readSupportDataset } from '../../src/eval/judge/support-dataset.js';
import { readRetrievalDataset } from '../../src/eval/retrieval-dataset.js';
import { argkpSplit } from '../../src/eval/meaning/argkp-split.js';
import { sentenceTagger } from '../../src/answer/typing/sentence-tagger.js';
import { questionType, windowTypeFeatures } from '../../src/answer/typing/window-type-features.js';
import { judgeKnowledge } from '../../src/answer/citations/judge-knowledge.js';
import { scoreSupport } from '../../src/answer/citations/score-support.js';

/** One training or dev example: two token sequences (local vector ids) and a label. */
interface Example { t: 'stance' | 'same' | 'support' | 'answer'; s: 'train' | 'dev'; a: number[]; b: number[]; y: number; g?: string; /** Answer task: 1 when the window is among v1's capped examples (6 gold, 10 or 4 others a question). */ c?: number; /** Answer task: the window's WINDOW_TYPE_FEATURES. */ x?: number[]; /** Support task: the judge's rules' verdict (0 unsupported, 1 partial, 2 supported). */ r?: number }

const STANCE = { pro: 0, con: 1, neither: 2 } as const;

/**
 * Writes the meaning model's training and dev examples (token rows of both texts and a label per task) from the
 * bank's train and dev corpora, corpus3, IBM ArgQ-Rank-30k (train/dev topics) and ArgKP-2021 (train/dev topics),
 * with the word vectors they use. Test corpora and topics are never read.
 */
export async function exportMeaningData(root: string, dataDir: string, outDir: string): Promise<Record<string, number>> {
  const vectors = await loadGloveVectors('indexes/.cache', (line) => console.error(line));
  const local = new Map<number, number>();
  const knowledge = judgeKnowledge(vectors);
  const LEVELS = { unsupported: 0, partial: 1, supported: 2 } as const;
  const rules = (statement: string, cited: string) => LEVELS[scoreSupport(statement, cited, knowledge).level];
  const ids = (text: string) => meaningTokens(text, vectors).map((row) => { if (!local.has(row)) local.set(row, local.size); return local.get(row)!; });
  const examples: Example[] = [];
  const push: Push = (e) => {
    const a = ids(e.a);
    const b = ids(e.b);
    if (a.length && b.length) examples.push({ ...e, a, b });
  };
  const bank = await readBank(path.join(root, 'evals/bank'), dataDir);
  if (!bank.available) throw new Error(bank.note);
  for (const corpus of bank.corpora) {
    const split = corpus.meta.split;
    if (split === 'test') continue; // Test corpora are never read here.
    const debate = corpus.meta.debate;
    for (const row of corpus.stance) {
      if (!debate) break;
      const y = STANCE[row.stance];
      push({ t: 'stance', s: split, a: debate.pro, b: row.sentence, y, g: 'bank' });
      push({ t: 'stance', s: split, a: debate.con, b: row.sentence, y: y === 2 ? 2 : 1 - y, g: 'bank' });
    }
    for (const row of corpus.support) {
      push({ t: 'support', s: split, a: row.cited, b: row.statement, y: row.supported ? 1 : 0, r: rules(row.statement, row.cited) });
      if (split === 'train') push({ t: 'same', s: split, a: row.cited, b: row.statement, y: row.supported ? 1 : 0 });
    }
    answerExamples(corpus, split, push);
  }
  // corpus3 (used for fitting trials before) joins the answer task's training data.
  const c3 = await readCorpusDir(path.join(root, 'evals/corpus3'));
  answerExamples(c3, 'train', push);
  const ibm = await readCsv(path.join(dataDir, 'ibm-debater/arg-quality-rank-30k/arg_quality_rank_30k.csv'));
  const topics = [...new Set(ibm.map((r) => r.topic!))].sort();
  ibm.forEach((row, i) => {
    if (row.set === 'test') return;
    const s = row.set === 'dev' ? 'dev' : 'train';
    push({ t: 'stance', s, a: row.topic!, b: row.argument!, y: row.stance_WA === '1' ? 0 : 1 });
    // Every third argument also toward an unrelated thesis: on another topic it argues neither side.
    if (i % 3 === 0) push({ t: 'stance', s, a: topics[(topics.indexOf(row.topic!) + 1 + (i % 7)) % topics.length]!, b: row.argument!, y: 2 });
  });
  const argkp = await readCsv(path.join(dataDir, 'ibm-debater/argkp-2021/ArgKP-2021_dataset.csv'));
  const kpSplit = argkpSplit(argkp.map((r) => r.topic!));
  for (const row of argkp) {
    const s = kpSplit.get(row.topic!)!;
    if (s !== 'test') push({ t: 'same', s, a: row.key_point!, b: row.argument!, y: Number(row.label) });
  }
  for (const row of await readSupportDataset(path.join(root, 'evals/support.jsonl'))) if (row.split !== 'holdout') push({ t: 'support', s: 'train', a: row.cited, b: row.statement, y: row.supported ? 1 : 0, r: rules(row.statement, row.cited) });
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'examples.jsonl'), examples.map((e) => JSON.stringify(e)).join('\n') + '\n');
  const matrix = new Float32Array(local.size * vectors.dimensions);
  const row = new Float64Array(vectors.dimensions);
  for (const [rank, id] of local) {
    row.fill(0);
    vectors.addTo(row, rank, 1);
    matrix.set(row, id * vectors.dimensions);
  }
  const handle = await open(path.join(outDir, 'vectors.f32'), 'w');
  await handle.write(new Uint8Array(matrix.buffer));
  await handle.close();
  await writeFile(path.join(outDir, 'vectors.json'), JSON.stringify({ rows: local.size, dimensions: vectors.dimensions }));
  // Local id -> GloVe row, so the trainer can record examples the TypeScript model must score the same way.
  await writeFile(path.join(outDir, 'ranks.json'), JSON.stringify([...local.keys()]));
  const counts: Record<string, number> = {};
  for (const e of examples) counts[`${e.t}/${e.s}`] = (counts[`${e.t}/${e.s}`] ?? 0) + 1;
  return { examples: examples.length, vocabulary: local.size, ...counts };
}

type Push = (e: Omit<Example, 'a' | 'b'> & { a: string; b: string }) => void;

/**
 * Question–window pairs from the candidate sets: gold windows are answers; the others, and every window of an
 * unanswerable question, are not. All candidates are written (a listwise trainer reads a question's whole set);
 * `c` marks the capped subset pointwise training uses.
 */
function answerExamples(corpus: CandidateCorpus, split: 'train' | 'dev', push: Push): void {
  const tagger = sentenceTagger();
  for (const set of answerCandidates(corpus)) {
    const gold = set.windows.filter((w) => w.gold);
    const other = set.windows.filter((w) => !w.gold);
    const capped = new Set([...gold.slice(0, 6), ...other.slice(0, set.answerable ? 10 : 4)]);
    const type = questionType(set.question, tagger);
    for (const w of [...gold, ...other]) push({ t: 'answer', s: split, a: set.question, b: w.text, y: w.gold ? 1 : 0, g: set.id, c: capped.has(w) ? 1 : 0, x: windowTypeFeatures(type, w.text, tagger) });
  }
}

/** An earlier corpus (corpus3) with its question files, as candidate sets are built from. */
async function readCorpusDir(dir: string): Promise<CandidateCorpus> {
  const { articles } = await loadCorpus(dir);
  return {
    docs: articles.map((a) => ({ id: a.meta.id, body: a.body })),
    answerable: await readRetrievalDataset(path.join(dir, 'questions.jsonl')),
    unanswerable: await readJsonl(path.join(dir, 'unanswerable.jsonl'), unanswerableSchema),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await exportMeaningData(process.cwd(), path.resolve(process.argv[2] ?? '../shared/data'), path.resolve(process.argv[3] ?? 'indexes/.meaning-data'))));
