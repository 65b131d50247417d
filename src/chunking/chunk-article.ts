import { createHash } from 'node:crypto';
import type { Article } from '../corpus/article.js';
import { classifyBlocks, type Block } from '../corpus/classify-blocks.js';
import { countWords } from '../text/tokenize-words.js';
import { DEFAULT_CHUNKER, type Chunk, type ChunkerSettings } from './chunk.js';
import { segmentSentences, type Span } from './segment-sentences.js';

interface Unit extends Span { words: number; heading?: boolean; paragraphStart: boolean }

/** Cuts a sentence longer than the character limit at word boundaries, so no chunk can exceed it. */
function splitLongSpan(body: string, span: Span, maxChars: number): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > maxChars) {
    const window = body.slice(start, start + maxChars);
    const cut = Math.max(window.lastIndexOf(' '), Math.floor(maxChars / 2));
    pieces.push({ start, end: start + body.slice(start, start + cut).trimEnd().length });
    start += cut;
    while (/\s/.test(body[start] ?? '')) start += 1;
  }
  pieces.push({ start, end: span.end });
  return pieces;
}

function unitsOf(body: string, blocks: Block[], maxChars: number): Unit[] {
  const units: Unit[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      units.push({ start: block.start, end: block.end, words: 0, heading: true, paragraphStart: true });
      continue;
    }
    segmentSentences(body.slice(block.start, block.end), block.start).forEach((sentence, i) => {
      splitLongSpan(body, sentence, maxChars).forEach((piece, j) => {
        units.push({ ...piece, words: countWords(body.slice(piece.start, piece.end)), paragraphStart: i === 0 && j === 0 });
      });
    });
  }
  return units;
}

/** Stable id: same article, same text at the same place gives the same id on every rebuild. */
export function chunkId(docId: string, start: number, end: number, text: string): string {
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 10);
  return `${docId}:${start}-${end}:${hash}`;
}

function groupUnits(units: Unit[], settings: ChunkerSettings): Unit[][] {
  const groups: Unit[][] = [];
  let i = 0;
  while (i < units.length) {
    let j = i;
    let words = 0;
    while (j < units.length) {
      const unit = units[j]!;
      const chars = unit.end - units[i]!.start;
      const full = j > i && (words + unit.words > settings.maxWords || chars > settings.maxChars);
      // Prefer to stop at a paragraph or section start once the chunk is long enough.
      const goodBreak = j > i && unit.paragraphStart && words >= settings.minWords;
      if (full || goodBreak) break;
      words += unit.words;
      j += 1;
    }
    while (j > i + 1 && units[j - 1]!.heading) j -= 1; // never end a chunk on a heading
    groups.push(units.slice(i, j));
    if (j >= units.length) break;
    const back = Math.min(settings.overlapSentences, j - i - 1);
    i = units[j - back]?.heading || units[j]!.heading ? j : j - back;
  }
  return groups;
}

function makeChunks(article: Article, units: Unit[], settings: ChunkerSettings, role: Chunk['role'], headings: Block[]): Chunk[] {
  const { body, meta } = article;
  return groupUnits(units, settings).map((group) => {
    const start = group[0]!.start;
    const end = group[group.length - 1]!.end;
    const text = body.slice(start, end);
    const heading = role === 'body' ? headings.findLast((block) => block.start <= group[group.length - 1]!.start) : undefined;
    return {
      id: chunkId(meta.id, start, end, text),
      docId: meta.id,
      start,
      end,
      text,
      role,
      section: heading ? body.slice(heading.start, heading.end) : undefined,
      sentences: group.filter((unit) => !unit.heading).map(({ start: s, end: e }) => ({ start: s, end: e })),
    };
  }).filter((chunk) => chunk.sentences.length > 0);
}

/**
 * Splits an article into sentence-aligned, paragraph-respecting chunks of about 80–200 words with
 * one sentence of overlap. Chrome is skipped and breaks chunks, so no chunk ever contains it;
 * captions become their own chunks marked role "caption".
 */
export function chunkArticle(article: Article, settings: ChunkerSettings = DEFAULT_CHUNKER): Chunk[] {
  const blocks = classifyBlocks(article);
  const headings = blocks.filter((block) => block.kind === 'heading');
  const chunks: Chunk[] = [];
  let run: Block[] = [];
  const flush = () => {
    chunks.push(...makeChunks(article, unitsOf(article.body, run, settings.maxChars), settings, 'body', headings));
    run = [];
  };
  for (const block of blocks) {
    if (block.kind === 'text' || block.kind === 'heading') {
      run.push(block);
      continue;
    }
    flush();
    if (block.kind === 'caption') chunks.push(...makeChunks(article, unitsOf(article.body, [block], settings.maxChars), settings, 'caption', headings));
  }
  flush();
  return chunks;
}
