import { foldText } from '../text/fold-text.js';
import { tokenizeWords } from '../text/tokenize-words.js';
import type { Article } from './article.js';
import { CAPTION_CREDIT, CHROME_LINE_RULES } from './chrome-rules.js';

/** What a stretch of the body is: article text, a section heading, a photo caption, or site chrome. */
export type BlockKind = 'text' | 'heading' | 'caption' | 'chrome';

/** A paragraph-like stretch of the body, `[start, end)` into it, with what it is and why. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  reason?: string;
}

interface Line { start: number; end: number; text: string; folded: string; words: number }

const SENTENCE_END = /[.!?…]["'”’)\]]*$/;

function splitLines(body: string): Line[][] {
  const groups: Line[][] = [];
  let group: Line[] = [];
  let offset = 0;
  for (const raw of body.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) {
      const start = offset + lead;
      group.push({ start, end: start + text.length, text, folded: foldText(text).trim(), words: text.split(/\s+/).length });
    } else if (group.length) {
      groups.push(group);
      group = [];
    }
    offset += raw.length + 1;
  }
  if (group.length) groups.push(group);
  return groups;
}

function chromeReason(line: Line, article: Article, counts: Map<string, number>): string | undefined {
  const title = foldText(article.meta.title).trim();
  if (line.folded === title) return 'repeated title';
  // "Title – Publisher" lines are the page's <title>, not article text.
  if (line.folded.startsWith(title) && tokenizeWords(line.folded.slice(title.length)).length <= 5) return 'repeated title';
  if (article.meta.author && line.folded === foldText(article.meta.author).trim()) return 'byline';
  if (line.words <= 8 && !SENTENCE_END.test(line.text) && (counts.get(line.folded) ?? 0) > 1) return 'repeated lone line (byline or widget)';
  for (const rule of CHROME_LINE_RULES) {
    if (rule.maxWords !== undefined && line.words > rule.maxWords) continue;
    if (rule.pattern.test(line.text)) return rule.reason;
  }
  return undefined;
}

function ngrams(folded: string, n = 4): Set<string> {
  const words = tokenizeWords(folded);
  const grams = new Set<string>();
  for (let i = 0; i + n <= words.length; i += 1) grams.add(words.slice(i, i + n).join(' '));
  return grams;
}

/** A short paragraph that repeats most of a longer one is a pull quote, not new text. */
function markPullQuotes(blocks: Block[], body: string): void {
  const texts = blocks.map((block) => (block.kind === 'text' ? ngrams(foldText(body.slice(block.start, block.end))) : new Set<string>()));
  blocks.forEach((block, i) => {
    const own = texts[i]!;
    if (block.kind !== 'text' || own.size < 3 || own.size > 40) return;
    const repeats = blocks.some((other, j) => {
      if (j === i || other.kind !== 'text' || texts[j]!.size <= own.size) return false;
      let shared = 0;
      for (const gram of own) if (texts[j]!.has(gram)) shared += 1;
      return shared / own.size >= 0.6;
    });
    if (repeats) Object.assign(block, { kind: 'chrome', reason: 'pull quote' });
  });
}

/**
 * Splits an article body into blocks and labels site chrome, captions and headings by generic rules.
 * Offsets always point into the original body, so nothing is rewritten.
 */
export function classifyBlocks(article: Article): Block[] {
  const groups = splitLines(article.body);
  const counts = new Map<string, number>();
  for (const line of groups.flat()) counts.set(line.folded, (counts.get(line.folded) ?? 0) + 1);
  const blocks: Block[] = [];
  for (const group of groups) {
    const reasons = group.map((line) => chromeReason(line, article, counts));
    const isCaption = group.some((line, i) => !reasons[i] && CAPTION_CREDIT.test(line.text));
    let run: Line[] = [];
    const flush = () => {
      if (!run.length) return;
      const first = run[0]!;
      const last = run[run.length - 1]!;
      const heading = run.length === 1 && first.words <= 10 && !SENTENCE_END.test(first.text);
      const kind: BlockKind = isCaption ? 'caption' : heading ? 'heading' : 'text';
      blocks.push({ kind, start: first.start, end: last.end });
      run = [];
    };
    group.forEach((line, i) => {
      const reason = reasons[i];
      if (reason === undefined) return void run.push(line);
      flush();
      blocks.push({ kind: 'chrome', start: line.start, end: line.end, reason });
    });
    flush();
  }
  markPullQuotes(blocks, article.body);
  return blocks;
}
