import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { readArticleFile } from '../../src/corpus/read-article-file.js';
import { CorpusError, CorpusFileError } from '../../src/errors/wedge-error.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const seeds = path.resolve('../shared/seeds');
const tempDir = useTempDirs();

describe('the default corpus', () => {
  it('holds five articles with titles and valid front matter', async () => {
    const { articles, errors } = await loadCorpus('corpus');
    expect(errors).toEqual([]);
    expect(articles).toHaveLength(5);
    for (const article of articles) expect(article.meta.title.length).toBeGreaterThan(10);
    const jin = articles.find((a) => a.meta.id === 'jin-canrong-not-that-easy');
    expect(jin?.meta).toMatchObject({ author: 'Jin Canrong', date: '2025-02-14', kind: 'opinion' });
  });

  it.skipIf(!existsSync(seeds))('keeps every body byte-for-byte equal to its seed file', async () => {
    const { articles } = await loadCorpus('corpus');
    const seedFiles = readdirSync(seeds);
    expect(articles.map((a) => a.meta.source_file).sort()).toEqual(seedFiles.sort());
    for (const article of articles) expect(article.body).toBe(readFileSync(path.join(seeds, article.meta.source_file!), 'utf8'));
  });
});

describe('loadCorpus with bad files', () => {
  it('reports empty, binary, non-UTF-8 and bad-front-matter files by name and still loads the rest', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'good.md'), '---\ntitle: Good one\n---\nRussia and China are close.\n');
    await writeFile(path.join(dir, 'empty.txt'), '');
    await writeFile(path.join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    await writeFile(path.join(dir, 'latin1.txt'), Buffer.from([0x64, 0xe9, 0x74, 0x65, 0x6e, 0x74, 0x65]));
    await writeFile(path.join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\nText.\n');
    await writeFile(path.join(dir, 'notes.pdf'), 'ignored: not an article extension');
    const { articles, errors } = await loadCorpus(dir);
    expect(articles.map((a) => a.meta.id)).toEqual(['good']);
    const messages = errors.map((e) => e.message).join('\n');
    expect(messages).toMatch(/empty\.txt: file is empty/);
    expect(messages).toMatch(/binary\.md: file is binary/);
    expect(messages).toMatch(/latin1\.txt: file is not valid UTF-8/);
    expect(messages).toMatch(/broken\.md: /);
    expect(errors).toHaveLength(4);
  });

  it('fails with a clear error when the directory is missing or has no readable article', async () => {
    await expect(loadCorpus('/nonexistent/corpus')).rejects.toThrow(CorpusError);
    const dir = await tempDir();
    await writeFile(path.join(dir, 'empty.md'), '   \n');
    await expect(loadCorpus(dir)).rejects.toThrow(/No readable article.*empty\.md/);
  });

  it('accepts any short kind in front matter (essay, report) and reports an over-long one by file', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'essay.md'), '---\ntitle: An essay\nkind: essay\n---\nWhat I worked on growing up was writing.\n');
    await writeFile(path.join(dir, 'long.md'), `---\ntitle: Long kind\nkind: ${'x'.repeat(41)}\n---\nText.\n`);
    const { articles, errors } = await loadCorpus(dir);
    expect(articles.map((a) => a.meta.kind)).toEqual(['essay']);
    expect(errors.map((e) => e.message).join('\n')).toMatch(/long\.md: .*kind/);
  });

  it('rejects two files that claim the same id', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'a.md'), '---\nid: same\ntitle: A\n---\nText A.\n');
    await writeFile(path.join(dir, 'b.md'), '---\nid: same\ntitle: B\n---\nText B.\n');
    const { articles, errors } = await loadCorpus(dir);
    expect(articles).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/id "same" is already used/);
  });
});

describe('readArticleFile', () => {
  it('reads a .txt file with no front matter, titling it by its first line', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'My Notes (2).txt');
    await writeFile(file, '\nA plain title\n\nBody text here.\n');
    const article = await readArticleFile(file);
    expect(article.meta).toMatchObject({ id: 'my-notes-2', title: 'A plain title' });
    expect(article.body).toBe('\nA plain title\n\nBody text here.\n');
  });

  it('extracts title, byline and text from HTML with Readability, dropping scripts and navigation', async () => {
    const article = await readArticleFile(path.resolve('tests/fixtures/article.html'));
    expect(article.meta.title).toBe('Russia and China: a partnership of convenience');
    expect(article.meta.author).toMatch(/Ada Example/);
    expect(article.body).toContain('The border between Russia and China runs for more than 4,000 kilometres.');
    expect(article.body).not.toMatch(/alert|Subscribe to our newsletter|<p>/);
  });

  it('rejects unsupported extensions with the file name', async () => {
    await expect(readArticleFile('tests/fixtures/article.pdf')).rejects.toThrow(CorpusFileError);
  });
});
