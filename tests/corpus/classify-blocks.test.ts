import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkArticle } from '../../src/chunking/chunk-article.js';
import { classifyBlocks } from '../../src/corpus/classify-blocks.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { readArticleFile } from '../../src/corpus/read-article-file.js';

const CHROME = [
  /Post a Comment/i, /Share This Post/i, /Back to Top/i, /font change/i, /Register/, /Premium Member/i, /7-Day Trial/i,
  /author_image/, /cs_opinion_img/, /Leave a Reply/i, /email address will not be published/i, /HTML tags and attributes/i,
  /\bLogin\b/, /Lost your password/i, /Previous Post/i, /^Screenshot$/m, /Written By/i, /Related article -/i,
  /The views expressed in this article/i, /republished from The Conversation/i,
];

describe('classifyBlocks', () => {
  it('labels chrome, captions and headings in an article by generic rules', async () => {
    const article = await readArticleFile(path.resolve('tests/fixtures/chrome-article.md'));
    const blocks = classifyBlocks(article);
    const of = (kind: string) => blocks.filter((b) => b.kind === kind).map((b) => article.body.slice(b.start, b.end));
    expect(of('chrome')).toEqual([
      'Moscow and Beijing stay close – Example Times', 'Jane Writer', 'author_image', 'Click Register',
      'Try Premium Member for Free with a 7-Day Trial', 'March 3, 2025', 'Jane Writer', 'Share This Post', 'Post a Comment',
      'Back to Top', 'font change', 'Leave a Reply', 'Your email address will not be published.',
      'You may use these HTML tags and attributes: <a href="" title=""> <b>', 'Login', 'Lost your password?',
    ]);
    expect(of('caption')).toEqual(['Soldiers patrol the frontier near the Amur river.\nJane Doe/Getty Images']);
    expect(of('heading')).toEqual(['A shared border']);
    for (const block of blocks) expect(article.body.slice(block.start, block.end).trim()).toBe(article.body.slice(block.start, block.end));
  });

  it('marks a short paragraph that repeats a longer one as a pull quote', async () => {
    const body = 'Intro line that is long enough to be a sentence of its own.\n\nThe conditions that let Nixon cleave China from the USSR no longer exist, and trying again would fail.\n\nThe conditions that let Nixon cleave China from the USSR no longer exist\n';
    const blocks = classifyBlocks({ meta: { id: 'x', title: 'T' }, body, file: 'x.md' });
    expect(blocks.find((b) => b.reason === 'pull quote')?.start).toBe(body.lastIndexOf('The conditions'));
  });
});

describe('indexed chunks of the default corpus', () => {
  it('contain no site chrome, and captions are kept but marked', async () => {
    const { articles } = await loadCorpus('corpus');
    const chunks = articles.flatMap((article) => chunkArticle(article));
    const body = chunks.filter((c) => c.role === 'body');
    for (const chunk of body) for (const pattern of CHROME) expect(chunk.text, `${chunk.id} contains ${pattern}`).not.toMatch(pattern);
    const captions = chunks.filter((c) => c.role === 'caption').map((c) => c.text);
    expect(captions.some((text) => text.includes('Getty Images'))).toBe(true);
    expect(body.some((c) => /Getty Images|Image source:/.test(c.text))).toBe(false);
  });
});
