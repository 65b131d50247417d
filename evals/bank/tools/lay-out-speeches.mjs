// Run from the repository root after `npm run build`, with BANK_PREP (corpora.json, the sentence index) and BANK_WORK (one folder per corpus for the helpers) set.
// One-off: lays out each bank corpus as numbered sentences for blind question writers.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { segmentSentences } from '../../../dist/src/chunking/segment-sentences.js';
import { speechBody } from '../../../dist/src/eval/bank/speech-body.js';
const C = JSON.parse(readFileSync(process.env.BANK_PREP + '/corpora.json', 'utf8'));
const D = (process.env.WEDGE_DATA_DIR ?? '../shared/data') + '/speeches/';
const letters = 'ABCDEFGH';
const index = {};
for (const [id, [title, files]] of Object.entries(C)) {
  const dir = `${process.env.BANK_WORK}/${id}`; mkdirSync(dir, { recursive: true });
  let out = `# Corpus "${id}": ${title}\n\nEach document's text is split into numbered sentences: [B0042] is sentence 42 of document B.\n\n`;
  const sents = {};
  files.forEach((f, i) => {
    const { president, body } = speechBody(readFileSync(D + f + '.txt', 'utf8'));
    const L = letters[i];
    out += `\n\n======== Document ${L}: ${f.slice(0, 10)}, President ${president}, "${f.slice(11).replace(/-/g, ' ')}" ========\n`;
    const paras = body.split(/\n\s*\n/);
    let n = 0, pos = 0;
    for (const p of paras) {
      const start = body.indexOf(p, pos); pos = start + p.length;
      const spans = segmentSentences(p, start);
      out += '\n' + spans.map((s) => { n += 1; const sid = L + String(n).padStart(4, '0'); sents[sid] = { doc: f, start: s.start, end: s.end }; return `[${sid}] ${body.slice(s.start, s.end)}`; }).join(' ') + '\n';
    }
  });
  writeFileSync(`${dir}/texts.md`, out);
  index[id] = sents;
  console.log(id, Object.keys(sents).length, 'sentences', out.length, 'chars');
}
writeFileSync(process.env.BANK_PREP + '/sentence-index.json', JSON.stringify(index));
