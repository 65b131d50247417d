import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CorpusError, CorpusFileError } from '../errors/wedge-error.js';
import type { Article } from './article.js';
import { readCorpusSettings, type CorpusSettings } from './corpus-settings.js';
import { ARTICLE_EXTENSIONS, readArticleFile } from './read-article-file.js';

/** Articles read from a corpus directory, plus the files that could not be read (the rest still load). */
export interface LoadedCorpus {
  articles: Article[];
  errors: CorpusFileError[];
  settings: CorpusSettings;
}

async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath ?? dir, entry.name))
    .filter((file) => (ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase()))
    .sort();
}

/** Reads every article under `dir`; bad files are reported, not fatal, unless none is readable. */
export async function loadCorpus(dir: string): Promise<LoadedCorpus> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new CorpusError(`Corpus directory not found: ${dir}. Pass --corpus DIR or set WEDGE_CORPUS_DIR.`);
  const articles: Article[] = [];
  const errors: CorpusFileError[] = [];
  const seen = new Map<string, string>();
  for (const file of await listArticleFiles(dir)) {
    try {
      const article = await readArticleFile(file);
      const clash = seen.get(article.meta.id);
      if (clash) throw new CorpusFileError(file, `article id "${article.meta.id}" is already used by ${clash}; set a distinct "id" in its front matter`);
      seen.set(article.meta.id, file);
      articles.push(article);
    } catch (error) {
      if (!(error instanceof CorpusFileError)) throw error;
      errors.push(error);
    }
  }
  if (articles.length === 0) {
    const why = errors.length ? ` (${errors.length} file(s) could not be read: ${errors.map((e) => e.message).join('; ')})` : '';
    throw new CorpusError(`No readable article in ${dir}${why}. Add .md, .txt or .html files.`);
  }
  return { articles, errors, settings: await readCorpusSettings(dir) };
}
