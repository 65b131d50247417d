import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../config/load-config.js';
import { CorpusFileError, UsageError } from '../errors/wedge-error.js';
import { readArticleFile } from '../corpus/read-article-file.js';
import type { CliIo } from './cli-io.js';
import { runIndexCommand } from './index-command.js';
import { parseCommandArgs } from './parse-command-args.js';

async function sameContent(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([readFile(a).catch(() => undefined), readFile(b).catch(() => undefined)]);
  return !!x && !!y && x.equals(y);
}

/**
 * `wedge add FILE...`: checks each file is a readable article, copies it into the corpus
 * (HTML becomes Markdown with front matter from Readability), then re-indexes. An existing
 * corpus file is never overwritten unless --force; bad files are reported and skipped.
 */
export async function runAddCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('add', args, {
    corpus: { type: 'string' },
    index: { type: 'string' },
    embedder: { type: 'string' },
    force: { type: 'boolean' },
    'no-index': { type: 'boolean' },
  });
  if (!positionals.length) throw new UsageError('add: give one or more .md, .txt or .html files');
  const config = loadConfig(io.env, { corpusDir: values.corpus });
  const corpusDir = path.resolve(io.cwd, config.corpusDir);
  await mkdir(corpusDir, { recursive: true });
  let added = 0;
  let failed = 0;
  for (const file of positionals.map((f) => path.resolve(io.cwd, f))) {
    try {
      const article = await readArticleFile(file);
      const ext = path.extname(file).toLowerCase();
      const isHtml = ext === '.html' || ext === '.htm';
      const target = path.join(corpusDir, isHtml ? `${article.meta.id}.md` : path.basename(file));
      const content = isHtml ? `---\n${stringify(article.meta).trimEnd()}\n---\n${article.body}` : undefined;
      const exists = await readFile(target).then(() => true, () => false);
      if (exists && !values.force && !(content === undefined && await sameContent(file, target))) {
        throw new CorpusFileError(file, `${path.relative(io.cwd, target)} already exists; pass --force to replace it`);
      }
      if (content === undefined) await copyFile(file, target);
      else await writeFile(target, content);
      io.stderr(`Added ${path.relative(io.cwd, file)} as "${article.meta.id}" (${article.meta.title})\n`);
      added += 1;
    } catch (error) {
      if (!(error instanceof CorpusFileError)) throw error;
      io.stderr(`wedge: ${error.message}\n`);
      failed += 1;
    }
  }
  if (added && !values['no-index']) {
    const passOn = ['--corpus', corpusDir, ...(values.index ? ['--index', values.index] : []), ...(values.embedder ? ['--embedder', values.embedder] : [])];
    await runIndexCommand(passOn, io);
  }
  return failed ? 1 : 0;
}
