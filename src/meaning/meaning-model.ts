import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { GloveVectors } from '../embeddings/glove-vectors.js';
import { DataFileError } from '../errors/wedge-error.js';
import { meaningTokens } from './meaning-tokens.js';

/** What the meaning model judges about a pair of texts. */
export type MeaningTask = 'stance' | 'same' | 'support' | 'answer';

const MAGIC = 'WEDGEMEANING1\n';
const headerSchema = z.object({
  architecture: z.literal('decomposable-attention'),
  dim: z.number().int().positive(),
  /** Lexical overlap features the heads read beside the attention's output (0 in models without them). */
  lexical: z.number().int().min(0).default(0),
  inputDimensions: z.number().int().positive(),
  tasks: z.record(z.string(), z.number().int().positive()),
  tensors: z.array(z.object({ name: z.string(), shape: z.array(z.number().int().positive()), offset: z.number().int().min(0) })),
  dev: z.record(z.string(), z.number()),
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
  /** Class probabilities for the pair; stance: [pro, con, neither]; the others: [no, yes]. */
  score(task: MeaningTask, a: EncodedText, b: EncodedText): Float32Array;
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

function createMeaningModel(header: MeaningHeader, layers: { attend: Linear; compareSelf: Linear; compareAligned: Linear; heads: Record<string, [Linear, Linear]> }, vectors: GloveVectors): MeaningModel {
  const d = header.dim;
  const k = vectors.dimensions;
  const vector = new Float64Array(k);
  // Projects a word vector through one layer, leaving out the exact-match input (column k) and the bias: both depend on the pair.
  const project = (layer: Linear, into: Float32Array, at: number) => {
    for (let o = 0; o < d; o += 1) {
      let sum = 0;
      const base = o * layer.in;
      for (let j = 0; j < k; j += 1) sum += layer.weight[base + j]! * vector[j]!;
      into[at + o] = sum;
    }
  };
  const encodeRows = (tokens: ArrayLike<number>): EncodedText => {
    const rows = Int32Array.from(tokens);
    const n = rows.length;
    const out = { rows, attend: new Float32Array(n * d), compareSelf: new Float32Array(n * d), compareAligned: new Float32Array(n * d) };
    for (let i = 0; i < n; i += 1) {
      vector.fill(0);
      vectors.addTo(vector, rows[i]!, 1);
      project(layers.attend, out.attend, i * d);
      project(layers.compareSelf, out.compareSelf, i * d);
      project(layers.compareAligned, out.compareAligned, i * d);
    }
    return out;
  };
  const matchColumn = (layer: Linear) => Float32Array.from({ length: d }, (_, o) => layer.weight[o * layer.in + k]!);
  const attendMatch = matchColumn(layers.attend);
  const selfMatch = matchColumn(layers.compareSelf);
  const alignedMatch = matchColumn(layers.compareAligned);
  const score = (task: MeaningTask, a: EncodedText, b: EncodedText): Float32Array => {
    const head = layers.heads[task];
    if (!head) throw new DataFileError(`the meaning model has no ${task} head`);
    const na = a.rows.length;
    const nb = b.rows.length;
    const classes = head[1].out;
    if (!na || !nb) return uniform(classes);
    const inB = new Set(b.rows);
    const inA = new Set(a.rows);
    const matchA = Float32Array.from(a.rows, (r) => (inB.has(r) ? 1 : 0));
    const matchB = Float32Array.from(b.rows, (r) => (inA.has(r) ? 1 : 0));
    const attended = (enc: EncodedText, match: Float32Array, n: number) => {
      const out = new Float32Array(n * d);
      for (let i = 0; i < n; i += 1) for (let o = 0; o < d; o += 1) out[i * d + o] = Math.max(0, enc.attend[i * d + o]! + attendMatch[o]! * match[i]! + layers.attend.bias![o]!);
      return out;
    };
    const fa = attended(a, matchA, na);
    const fb = attended(b, matchB, nb);
    const e = new Float32Array(na * nb);
    for (let i = 0; i < na; i += 1) for (let j = 0; j < nb; j += 1) {
      let sum = 0;
      for (let o = 0; o < d; o += 1) sum += fa[i * d + o]! * fb[j * d + o]!;
      e[i * nb + j] = sum;
    }
    const aligned = (enc: EncodedText, match: Float32Array, n: number) => {
      const out = new Float32Array(n * d);
      for (let i = 0; i < n; i += 1) for (let o = 0; o < d; o += 1) out[i * d + o] = enc.compareAligned[i * d + o]! + alignedMatch[o]! * match[i]!;
      return out;
    };
    const ga = aligned(a, matchA, na);
    const gb = aligned(b, matchB, nb);
    // a's tokens mix b's aligned projections by a softmax over each row of e; b's mix a's over each column.
    const va = compare(a, matchA, na, (i, acc) => mix((j) => e[i * nb + j]!, nb, gb, d, acc));
    const vb = compare(b, matchB, nb, (j, acc) => mix((i) => e[i * nb + j]!, na, ga, d, acc));
    function compare(enc: EncodedText, match: Float32Array, n: number, mix: (i: number, acc: Float32Array) => void): Float32Array {
      const pooled = new Float32Array(2 * d);
      const acc = new Float32Array(d);
      for (let i = 0; i < n; i += 1) {
        acc.fill(0);
        mix(i, acc);
        for (let o = 0; o < d; o += 1) {
          const v = Math.max(0, enc.compareSelf[i * d + o]! + selfMatch[o]! * match[i]! + layers.compareSelf.bias![o]! + acc[o]!);
          pooled[o] = pooled[o]! + v / n;
          if (v > pooled[d + o]!) pooled[d + o] = v;
        }
      }
      return pooled;
    }
    const h = new Float32Array(8 * d + header.lexical);
    for (let o = 0; o < 2 * d; o += 1) {
      h[o] = va[o]!;
      h[2 * d + o] = vb[o]!;
      h[4 * d + o] = va[o]! * vb[o]!;
      h[6 * d + o] = Math.abs(va[o]! - vb[o]!);
    }
    if (header.lexical) h.set(lexicalOverlap(a.rows, matchA, b.rows, matchB), 8 * d);
    return softmax(dense(head[1], dense(head[0], h, true), false));
  };
  return { header, encode: (text) => encodeRows(meaningTokens(text, vectors)), encodeRows, score };
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

/** Adds to `acc` the mix of `values`' rows weighted by the softmax of the `n` attention scores `at` gives. */
function mix(at: (j: number) => number, n: number, values: Float32Array, d: number, acc: Float32Array): void {
  let max = -Infinity;
  for (let j = 0; j < n; j += 1) max = Math.max(max, at(j));
  const weights = new Float32Array(n);
  let total = 0;
  for (let j = 0; j < n; j += 1) {
    weights[j] = Math.exp(at(j) - max);
    total += weights[j]!;
  }
  for (let j = 0; j < n; j += 1) {
    const w = weights[j]! / total;
    for (let o = 0; o < d; o += 1) acc[o] = acc[o]! + w * values[j * d + o]!;
  }
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
