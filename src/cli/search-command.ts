import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { UsageError } from '../errors/wedge-error.js';
import type { Hit } from '../retrieval/hit.js';
import { loadRetriever } from '../retrieval/load-retriever.js';
import type { CliIo } from './cli-io.js';
import { corpusIndexFlags } from './index-command.js';
import { parseCommandArgs, positiveIntFlag } from './parse-command-args.js';

function formatHit(hit: Hit, rank: number, interactive: boolean): string {
  const best = hit.sentences.reduce((top, s) => (s.score > top.score ? s : top), hit.sentences[0]!);
  const bold = (text: string) => (interactive ? `\u001b[1m${text}\u001b[22m` : text);
  // Show the passage with its best-matching sentence emphasised, offsets relative to the article body.
  const text = best
    ? hit.text.slice(0, best.start - hit.start) + bold(hit.text.slice(best.start - hit.start, best.end - hit.start)) + hit.text.slice(best.end - hit.start)
    : hit.text;
  const caption = hit.role === 'caption' ? ' [photo caption]' : '';
  return [
    `${rank}. ${hit.title}${caption}`,
    `   ${hit.docId} · chars ${hit.start}-${hit.end} · score ${hit.score.toFixed(3)}`,
    ...text.split('\n').filter((line) => line.trim()).map((line) => `   | ${line}`),
    '',
  ].join('\n');
}

/** `wedge search "question"`: ranked passages with article, title and exact offsets; --json for machines. */
export async function runSearchCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('search', args, {
    index: corpusIndexFlags.index,
    embedder: corpusIndexFlags.embedder,
    k: { type: 'string' },
    json: { type: 'boolean' },
    captions: { type: 'boolean' },
    mode: { type: 'string' },
  });
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError('search: give a question, e.g. wedge search "why won\'t the split work?"');
  if (query.length > 2000) throw new UsageError(`search: the question is ${query.length} characters; the limit is 2000`);
  const mode = values.mode ?? 'hybrid';
  if (!['hybrid', 'bm25', 'dense'].includes(mode)) throw new UsageError(`search: --mode must be hybrid, bm25 or dense, got "${mode}"`);
  const k = positiveIntFlag('k', values.k, 8, 100);
  const config = loadConfig(io.env, { indexDir: values.index, embedder: values.embedder as never });
  const retriever = await loadRetriever({ ...config, indexDir: path.resolve(io.cwd, config.indexDir), cacheDir: path.resolve(io.cwd, config.cacheDir) });
  const hits = await retriever.search(query, { k, mode: mode as 'hybrid', includeCaptions: values.captions });
  if (values.json) {
    io.stdout(`${JSON.stringify(hits, null, 2)}\n`);
  } else if (!hits.length) {
    io.stdout('No passages matched.\n');
  } else {
    io.stdout(hits.map((hit, i) => formatHit(hit, i + 1, io.interactive)).join('\n'));
  }
  return 0;
}
