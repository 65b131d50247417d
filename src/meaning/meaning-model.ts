import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { GloveVectors } from '../embeddings/glove-vectors.js';
import { DataFileError } from '../errors/wedge-error.js';
import { meaningTokens } from './meaning-tokens.js';

/** What the meaning model judges about a pair of texts (`side`: does a sentence argue for a thesis, trained as a choice between theses). */
export type MeaningTask = 'stance' | 'same' | 'support' | 'answer' | 'side';

const MAGIC = 'WEDGEMEANING1\n';
const headerSchema = z.object({
  architecture: z.literal('decomposable-attention'),
  dim: z.number().int().positive(),
  /** Lexical overlap features the heads read beside the attention's output (0 in models without them). */
  lexical: z.number().int().min(0).default(0),
  /** Whether six of those features are soft coverage (`softCoverage`), as the trainer's `--coverage` adds them. */
  coverage: z.boolean().default(false),
  /** Features the caller computes for a pair and passes to `score` (the answer model's typed features), last among the lexical ones. */
  extra: z.array(z.string()).default([]),
  inputDimensions: z.number().int().positive(),
  tasks: z.record(z.string(), z.number().int().positive()),
  tensors: z.array(z.object({ name: z.string(), shape: z.array(z.number().int().positive()), offset: z.number().int().min(0) })),
  dev: z.record(z.string(), z.number()),
  /** Decision thresholds chosen on dev with the model (a listwise same-point head's `same`); absent: the callers' defaults. */
  thresholds: z.record(z.string(), z.number()).default({}),
}).passthrough();
/** The model file's header: shapes, the tasks and their classes, and the dev figures it was chosen on. */
export type MeaningHeader = z.infer<typeof headerSchema>;

/** A text encoded once for every pair it takes part in: its vector rows and their three projections. */
export interface EncodedText { rows: Int32Array; attend: Float32Array; compareSelf: Float32Array; compareAligned: Float32Array }

/** The trained meaning model: encodes texts (the question-independent half, cacheable) and scores pairs of them. */
export interface MeaningModel {
  header: MeaningHeader;
  encode(text: string): EncodedText;
  /** Encodes tokens already looked up (meaningTokens' output). */
  encodeRows(rows: ArrayLike<number>): EncodedText;
  /** Class probabilities for the pair; stance: [pro, con, neither]; the others: [no, yes]. `extra`: the pair's values of header.extra. */
  score(task: MeaningTask, a: EncodedText, b: EncodedText, extra?: ArrayLike<number>): Float32Array;
}

interface Linear { weight: Float32Array; bias?: Float32Array; out: number; in: number }

/** Reads a model file written by scripts/train-meaning.py; a wrong or damaged file is a DataFileError. */
export async function loadMeaningModel(file: string, vectors: GloveVectors): Promise<MeaningModel> {
  const bytes = await readFile(file).catch(() => { throw new DataFileError(`meaning model not found: ${file}`); });
  if (bytes.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new DataFileError(`${file} is not a wedge meaning model`);
  const length = bytes.readUInt32LE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + length;
  const header = headerSchema.parse(JSON.parse(bytes.subarray(MAGIC.length + 4, headerEnd).toString('utf8')));
  const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset + headerEnd, bytes.byteOffset + bytes.length));
  const tensor = (name: string) => {
    const t = header.tensors.find((x) => x.name === name);
    if (!t) throw new DataFileError(`${file}: tensor ${name} missing`);
    const size = t.shape.reduce((a, b) => a * b, 1);
    if (t.offset + size > data.length) throw new DataFileError(`${file}: tensor ${name} is cut short`);
    return { values: data.subarray(t.offset, t.offset + size), shape: t.shape };
  };
  const linear = (name: string, bias = true): Linear => {
    const w = tensor(`${name}.weight`);
    return { weight: w.values, ...(bias ? { bias: tensor(`${name}.bias`).values } : {}), out: w.shape[0]!, in: w.shape[1]! };
  };
  if (vectors.dimensions !== header.inputDimensions) throw new DataFileError(`${file}: trained on ${header.inputDimensions}-d vectors, these are ${vectors.dimensions}-d`);
  return createMeaningModel(header, { attend: linear('attend'), compareSelf: linear('compare_self'), compareAligned: linear('compare_aligned', false), heads: Object.fromEntries(Object.keys(header.tasks).map((t) => [t, [linear(`heads.${t}.0`), linear(`heads.${t}.2`)]])) }, vectors);
}

// Words repeat across a corpus: each word's three projections are kept, up to this many words (~15 MB at d = 64).
const WORD_CACHE_MAX = 20_000;

function createMeaningModel(header: MeaningHeader, layers: { attend: Linear; compareSelf: Linear; compareAligned: Linear; heads: Record<string, [Linear, Linear]> }, vectors: GloveVectors): MeaningModel {
  const d = header.dim;
  const k = vectors.dimensions;
  const vector = new Float64Array(k);
  const words = new Map<number, Float32Array>();
  // A word's projections through the three layers, leaving out the exact-match input (column k) and the biases: both depend on the pair.
  const projected = (row: number): Float32Array => {
    let hit = words.get(row);
    if (hit) return hit;
    hit = new Float32Array(3 * d);
    vector.fill(0);
    vectors.addTo(vector, row, 1);
    [layers.attend, layers.compareSelf, layers.compareAligned].forEach((layer, l) => {
      for (let o = 0; o < d; o += 1) {
        let sum = 0;
        const base = o * layer.in;
        for (let j = 0; j < k; j += 1) sum += layer.weight[base + j]! * vector[j]!;
        hit![l * d + o] = sum;
      }
    });
    if (words.size < WORD_CACHE_MAX) words.set(row, hit);
    return hit;
  };
  const units = new Map<number, Float32Array>();
  // A word's GloVe vector scaled to length 1, for the soft-coverage features' cosines.
  const unit = (row: number): Float32Array => {
    let hit = units.get(row);
    if (hit) return hit;
    vector.fill(0);
    vectors.addTo(vector, row, 1);
    const norm = Math.max(Math.hypot(...vector), 1e-12);
    hit = Float32Array.from(vector, (v) => v / norm);
    if (units.size < WORD_CACHE_MAX) units.set(row, hit);
    return hit;
  };
  const encodeRows = (tokens: ArrayLike<number>): EncodedText => {
    const rows = Int32Array.from(tokens);
    const n = rows.length;
    const out = { rows, attend: new Float32Array(n * d), compareSelf: new Float32Array(n * d), compareAligned: new Float32Array(n * d) };
    for (let i = 0; i < n; i += 1) {
      const p = projected(rows[i]!);
      out.attend.set(p.subarray(0, d), i * d);
      out.compareSelf.set(p.subarray(d, 2 * d), i * d);
      out.compareAligned.set(p.subarray(2 * d, 3 * d), i * d);
    }
    return out;
  };
  const matchColumn = (layer: Linear) => Float32Array.from({ length: d }, (_, o) => layer.weight[o * layer.in + k]!);
  const match = { attend: matchColumn(layers.attend), compareSelf: matchColumn(layers.compareSelf), compareAligned: matchColumn(layers.compareAligned) };
  const bias = { attend: layers.attend.bias!, compareSelf: layers.compareSelf.bias! };
  const score = (task: MeaningTask, a: EncodedText, b: EncodedText, extra?: ArrayLike<number>): Float32Array => {
    const head = layers.heads[task];
    if (!head) throw new DataFileError(`the meaning model has no ${task} head`);
    if (header.extra.length && extra?.length !== header.extra.length) throw new Error(`this model reads ${header.extra.length} features beside the texts (${header.extra.join(', ')}); ${extra?.length ?? 0} were given`);
    const na = a.rows.length;
    const nb = b.rows.length;
    if (!na || !nb) return uniform(head[1].out);
    const inB = new Set(b.rows);
    const inA = new Set(a.rows);
    const matchA = Float32Array.from(a.rows, (r) => (inB.has(r) ? 1 : 0));
    const matchB = Float32Array.from(b.rows, (r) => (inA.has(r) ? 1 : 0));
    const fa = withMatch(a.attend, matchA, match.attend, bias.attend, d, true);
    const fb = withMatch(b.attend, matchB, match.attend, bias.attend, d, true);
    const ga = withMatch(a.compareAligned, matchA, match.compareAligned, undefined, d, false);
    const gb = withMatch(b.compareAligned, matchB, match.compareAligned, undefined, d, false);
    const e = new Float32Array(na * nb);
    for (let i = 0; i < na; i += 1) for (let j = 0; j < nb; j += 1) {
      let sum = 0;
      for (let o = 0; o < d; o += 1) sum += fa[i * d + o]! * fb[j * d + o]!;
      e[i * nb + j] = sum;
    }
    // a's tokens mix b's aligned projections by a softmax over each row of e; b's mix a's over each column.
    const mixedA = new Float32Array(na * d);
    const mixedB = new Float32Array(nb * d);
    const weights = new Float32Array(Math.max(na, nb));
    for (let i = 0; i < na; i += 1) softmaxInto(e, i * nb, 1, nb, weights, gb, d, mixedA, i * d);
    for (let j = 0; j < nb; j += 1) softmaxInto(e, j, nb, na, weights, ga, d, mixedB, j * d);
    const va = comparePooled(a.compareSelf, matchA, match.compareSelf, bias.compareSelf, mixedA, na, d);
    const vb = comparePooled(b.compareSelf, matchB, match.compareSelf, bias.compareSelf, mixedB, nb, d);
    const h = new Float32Array(8 * d + header.lexical);
    for (let o = 0; o < 2 * d; o += 1) {
      h[o] = va[o]!;
      h[2 * d + o] = vb[o]!;
      h[4 * d + o] = va[o]! * vb[o]!;
      h[6 * d + o] = Math.abs(va[o]! - vb[o]!);
    }
    if (header.lexical) h.set(lexicalOverlap(a.rows, matchA, b.rows, matchB), 8 * d);
    if (header.coverage) {
      h.set(softCoverage(a.rows, b.rows, unit, k), 8 * d + 4);
      h.set(softCoverage(b.rows, a.rows, unit, k), 8 * d + 7);
    }
    if (extra) h.set(extra, 8 * d + header.lexical - header.extra.length);
    return softmax(dense(head[1], dense(head[0], h, true), false));
  };
  return { header, encode: (text) => encodeRows(meaningTokens(text, vectors)), encodeRows, score };
}

/** A text's projections with the pair's exact-match column (and a bias) added, optionally through a ReLU. */
function withMatch(projection: Float32Array, matched: Float32Array, column: Float32Array, bias: Float32Array | undefined, d: number, relu: boolean): Float32Array {
  const out = new Float32Array(projection.length);
  for (let i = 0; i < matched.length; i += 1) {
    for (let o = 0; o < d; o += 1) {
      const v = projection[i * d + o]! + column[o]! * matched[i]! + (bias ? bias[o]! : 0);
      out[i * d + o] = relu && v < 0 ? 0 : v;
    }
  }
  return out;
}

/** Softmax over `n` attention scores (from `start`, `stride` apart), then the weighted mix of `values`' rows into `into` at `at`. */
function softmaxInto(e: Float32Array, start: number, stride: number, n: number, weights: Float32Array, values: Float32Array, d: number, into: Float32Array, at: number): void {
  let max = -Infinity;
  for (let j = 0; j < n; j += 1) max = Math.max(max, e[start + j * stride]!);
  let total = 0;
  for (let j = 0; j < n; j += 1) {
    weights[j] = Math.exp(e[start + j * stride]! - max);
    total += weights[j]!;
  }
  for (let j = 0; j < n; j += 1) {
    const w = weights[j]! / total;
    for (let o = 0; o < d; o += 1) into[at + o] = into[at + o]! + w * values[j * d + o]!;
  }
}

/** The compare layer on every token (its own projection, match bit, bias and aligned mix, through a ReLU), pooled by mean and max. */
function comparePooled(self: Float32Array, matched: Float32Array, column: Float32Array, bias: Float32Array, mixed: Float32Array, n: number, d: number): Float32Array {
  const pooled = new Float32Array(2 * d);
  for (let i = 0; i < n; i += 1) {
    for (let o = 0; o < d; o += 1) {
      const raw = self[i * d + o]! + column[o]! * matched[i]! + bias[o]! + mixed[i * d + o]!;
      const v = raw > 0 ? raw : 0;
      pooled[o] = pooled[o]! + v / n;
      if (v > pooled[d + o]!) pooled[d + o] = v;
    }
  }
  return pooled;
}

/** Share of each side's tokens found in the other, plain and weighted by rarity (log of the GloVe frequency rank), as the trainer computes them. */
function lexicalOverlap(rowsA: Int32Array, matchA: Float32Array, rowsB: Int32Array, matchB: Float32Array): number[] {
  const share = (match: Float32Array) => match.reduce((s, m) => s + m, 0) / match.length;
  const weighted = (rows: Int32Array, match: Float32Array) => {
    let hit = 0;
    let total = 0;
    rows.forEach((row, i) => { const w = Math.log(2 + row); total += w; hit += w * match[i]!; });
    return total > 1e-6 ? hit / total : 0;
  };
  return [share(matchA), share(matchB), weighted(rowsA, matchA), weighted(rowsB, matchB)];
}

// The trainer's constants (scripts/train-meaning.py): a word is unaccounted for below this cosine, and words outside
// the 100 most frequent (rarity log(2 + 100)) count for the least-covered feature.
const UNCOVERED = 0.6;
const CONTENT_RARITY = 4.6;

/**
 * How well `rows`' words are accounted for by `other`'s, by each word's best cosine to any word of the other text:
 * the rarity-weighted mean, the rarity-weighted share below UNCOVERED, and the least-covered content word.
 */
function softCoverage(rows: Int32Array, other: Int32Array, unit: (row: number) => Float32Array, k: number): number[] {
  let total = 0;
  let mean = 0;
  let uncovered = 0;
  let least = 1;
  const others = Array.from(other, unit);
  for (const row of rows) {
    const u = unit(row);
    let best = -1;
    for (const v of others) {
      let dot = 0;
      for (let j = 0; j < k; j += 1) dot += u[j]! * v[j]!;
      if (dot > best) best = dot;
    }
    const cos = Math.max(best, 0);
    const w = Math.log(2 + row);
    total += w;
    mean += w * cos;
    if (cos < UNCOVERED) uncovered += w;
    if (w >= CONTENT_RARITY && cos < least) least = cos;
  }
  total = Math.max(total, 1e-6);
  return [mean / total, uncovered / total, least];
}

function dense(layer: Linear, x: Float32Array, relu: boolean): Float32Array {
  const out = new Float32Array(layer.out);
  for (let o = 0; o < layer.out; o += 1) {
    let sum = layer.bias ? layer.bias[o]! : 0;
    const base = o * layer.in;
    for (let j = 0; j < layer.in; j += 1) sum += layer.weight[base + j]! * x[j]!;
    out[o] = relu ? Math.max(0, sum) : sum;
  }
  return out;
}

function softmax(x: Float32Array): Float32Array {
  const max = Math.max(...x);
  const e = x.map((v) => Math.exp(v - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

const uniform = (n: number) => new Float32Array(n).fill(1 / n);
