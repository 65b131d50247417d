import { loadConfig } from '../src/config/load-config.js';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import { createEmbedder } from '../src/embeddings/create-embedder.js';
import { ensureIndex } from '../src/indexing/ensure-index.js';
import { openIndex } from '../src/indexing/open-index.js';
import { createRetriever } from '../src/retrieval/create-retriever.js';
process.chdir('/work/main');
let t = Date.now();
const config = loadConfig();
const emb = await createEmbedder(config, { log: console.error });
console.log('embedder', Date.now() - t); t = Date.now();
const { articles } = await loadCorpus('corpus');
const r = await ensureIndex({ indexDir: 'indexes/default', articles, embedder: emb });
console.log('index', r.built, r.manifest.buildMs, Date.now() - t); t = Date.now();
const idx = await openIndex('indexes/default', emb);
const ret = createRetriever(idx);
console.log('open', Date.now() - t); t = Date.now();
for (const q of ["why won't the split work?", "according to Jin Canrong", "detente with Russia", "what does China fear"]) {
  const hits = await ret.search(q, { k: 5 });
  console.log('\n#', q, Date.now() - t); t = Date.now();
  for (const h of hits) console.log(h.score, h.docId, JSON.stringify(h.text.slice(0, 100)));
}
