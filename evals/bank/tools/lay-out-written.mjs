// Lays out a written (news) corpus as numbered sentences, with bodies exactly as wedge reads them.
import { readFileSync, writeFileSync, readdirSync, mkdirSync, copyFileSync } from 'node:fs';
import { segmentSentences } from '../../../dist/src/chunking/segment-sentences.js';
import { parseFrontMatter } from '../../../dist/src/corpus/parse-front-matter.js';
const [id, split, title] = process.argv.slice(2);
const dir = `${process.env.BANK_WORK}/${id}`;
const out = `evals/bank/${id}`; mkdirSync(out, { recursive: true });
const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'texts.md').sort();
const letters = 'ABCDEFGH';
let text = `# Corpus "${id}": ${title}\n\nEach document's text is split into numbered sentences: [B0042] is sentence 42 of document B.\n\n`;
const index = JSON.parse(readFileSync(process.env.BANK_PREP + '/sentence-index.json', 'utf8'));
const sents = {};
const documents = [];
files.forEach((f, i) => {
  const { data, body } = parseFrontMatter(readFileSync(`${dir}/${f}`, 'utf8'));
  const L = letters[i];
  copyFileSync(`${dir}/${f}`, `${out}/${f}`);
  documents.push({ docId: data.id, file: f, title: data.title, author: data.author, date: typeof data.date === 'string' ? data.date : new Date(data.date).toISOString().slice(0, 10) });
  text += `\n\n======== Document ${L}: ${documents.at(-1).date}, ${data.publisher}, ${data.author}, "${data.title}" (${data.kind}) ========\n`;
  let n = 0, pos = 0;
  for (const p of body.split(/\n\s*\n/)) {
    const start = body.indexOf(p, pos); pos = start + p.length;
    const spans = segmentSentences(p, start);
    if (spans.length) text += '\n' + spans.map((s) => { n += 1; const sid = L + String(n).padStart(4, '0'); sents[sid] = { doc: data.id, start: s.start, end: s.end, file: `${dir}/${f}` }; return `[${sid}] ${body.slice(s.start, s.end)}`; }).join(' ') + '\n';
  }
});
writeFileSync(`${dir}/texts.md`, text);
index[id] = sents;
writeFileSync(process.env.BANK_PREP + '/sentence-index.json', JSON.stringify(index));
const meta = { id, title, split, source: 'written', documents, credits: {
  texts: 'news and opinion articles written for the bank by a helper (a subagent), in the register of the default corpus; names, outlets and figures are invented where not public record',
  questions: 'written blind by another helper who saw only these texts (numbered sentences), never the code or other questions',
  'near-miss check': 'each unanswerable question read by a second helper against the whole corpus; those it found answered were dropped' } };
writeFileSync(`${out}/corpus.json`, JSON.stringify(meta, null, 2) + '\n');
console.log(id, Object.keys(sents).length, 'sentences', documents.length, 'docs');
