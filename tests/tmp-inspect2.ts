import { loadCorpus } from '../src/corpus/load-corpus.js';
import { chunkArticle } from '../src/chunking/chunk-article.js';
import { tokenizeWords } from '../src/text/tokenize-words.js';
const { articles } = await loadCorpus('corpus');
let total=0;
for (const a of articles) {
  const chunks = chunkArticle(a);
  total+=chunks.length;
  console.log('=====', a.meta.id, chunks.length);
  for (const c of chunks) { if (a.body.slice(c.start,c.end)!==c.text) throw new Error('offset'); console.log(c.role, tokenizeWords(c.text).length, c.text.length, c.sentences.length, '|', c.section, '|', JSON.stringify(c.text.slice(0,60)), '...', JSON.stringify(c.text.slice(-40))); }
}
console.log(total);
