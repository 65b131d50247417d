import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CorpusFileError } from '../errors/wedge-error.js';
import { articleMetaSchema, type Article } from './article.js';
import { parseFrontMatter } from './parse-front-matter.js';

/** File extensions wedge reads as articles. */
export const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm'] as const;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Derives an article id from a file name: "My Article (2).md" gives "my-article-2". */
export function idFromFileName(file: string): string {
  const base = path.basename(file, path.extname(file)).normalize('NFKD').replace(/\p{M}+/gu, '');
  return base.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|-+$/g, '') || 'article';
}

function decodeText(file: string, bytes: Buffer): string {
  if (bytes.length === 0) throw new CorpusFileError(file, 'file is empty');
  if (bytes.includes(0)) throw new CorpusFileError(file, 'file is binary (contains NUL bytes), not text');
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new CorpusFileError(file, 'file is not valid UTF-8 text; convert it to UTF-8 first');
  }
}

function firstLine(text: string): string | undefined {
  return text.split('\n').map((line) => line.trim()).find(Boolean)?.slice(0, 200);
}

/** Reads one .md, .txt or .html file as an article; any problem is a CorpusFileError naming the file. */
export async function readArticleFile(file: string): Promise<Article> {
  const ext = path.extname(file).toLowerCase();
  if (!(ARTICLE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new CorpusFileError(file, `unsupported file type "${ext || '(none)'}"; use ${ARTICLE_EXTENSIONS.join(', ')}`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CorpusFileError(file, `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const text = decodeText(file, bytes);
  let data: Record<string, unknown>;
  let body: string;
  if (ext === '.html' || ext === '.htm') {
    // Loaded on demand: the DOM libraries cost ~300 ms of start-up that Markdown corpora should not pay.
    const { extractHtmlArticle } = await import('./extract-html-article.js');
    const page = extractHtmlArticle(text);
    body = page.text;
    data = { title: page.title, author: page.author, publisher: page.publisher, date: page.date };
  } else {
    try {
      ({ data, body } = parseFrontMatter(text));
    } catch (error) {
      throw new CorpusFileError(file, (error as Error).message);
    }
  }
  if (!body.trim()) throw new CorpusFileError(file, 'article has no text');
  const candidate = Object.fromEntries(Object.entries({
    ...data,
    id: data.id ?? idFromFileName(file),
    title: data.title ?? firstLine(body),
  }).filter(([, value]) => value !== undefined && value !== null && value !== ''));
  const meta = articleMetaSchema.safeParse(candidate);
  if (!meta.success) {
    const problems = meta.error.issues.map((issue) => `${issue.path.join('.') || 'front matter'}: ${issue.message}`);
    throw new CorpusFileError(file, `bad front matter (${problems.join('; ')})`);
  }
  return { meta: meta.data, body, file };
}
