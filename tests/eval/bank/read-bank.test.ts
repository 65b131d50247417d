import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBankCorpus } from '../../../src/eval/bank/check-bank.js';
import { readBank } from '../../../src/eval/bank/read-bank.js';
import { speechBody } from '../../../src/eval/bank/speech-body.js';
import { bankArticleText, writeBankCorpus } from '../../../src/eval/bank/write-bank-corpus.js';
import { readArticleFile } from '../../../src/corpus/read-article-file.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

const SPEECHES: Record<string, string> = {
  '1962-10-22-address-cuba': 'President: John F. Kennedy\n\nGood evening, my fellow citizens:  \n\nThe missiles can travel more than 1,000 nautical miles.  \nThey threaten the hemisphere.\n',
  '1963-07-26-test-ban': 'President: John F. Kennedy\n\nThe treaty bans tests in the atmosphere: "a step toward peace."\n',
  '1987-12-08-inf-treaty': 'President: Ronald Reagan\n\nWe signed the INF treaty today.\n',
};

/** A data folder with three speeches and a bank holding one corpus over them. */
async function makeBank(lines: { questions?: string[]; stance?: string[] } = {}) {
  const root = await tempDir();
  const dataDir = path.join(root, 'data');
  await mkdir(path.join(dataDir, 'speeches'), { recursive: true });
  for (const [slug, text] of Object.entries(SPEECHES)) await writeFile(path.join(dataDir, 'speeches', `${slug}.txt`), text);
  const corpusDir = path.join(root, 'bank', 'nuclear');
  await mkdir(corpusDir, { recursive: true });
  const documents = Object.keys(SPEECHES).map((slug) => ({ docId: slug, file: `speeches/${slug}.txt`, title: slug.slice(11), author: 'A President', date: slug.slice(0, 10) }));
  await writeFile(path.join(corpusDir, 'corpus.json'), JSON.stringify({ id: 'nuclear', title: 'Nuclear weapons', split: 'dev', source: 'speeches', documents, debate: { pro: 'Treaties make us safer.', con: 'Treaties do not make us safer.' }, credits: {} }));
  await writeFile(path.join(corpusDir, 'questions.jsonl'), (lines.questions ?? [JSON.stringify({ id: 'q1', qtype: 'number', question: 'How far can the missiles go?', gold: [{ docId: '1962-10-22-address-cuba', quote: 'The missiles can travel more than 1,000 nautical miles.' }] })]).join('\n'));
  await writeFile(path.join(corpusDir, 'unanswerable.jsonl'), JSON.stringify({ id: 'u1', kind: 'near-miss', qtype: 'number', question: 'How many missiles were in Cuba?' }));
  if (lines.stance) await writeFile(path.join(corpusDir, 'stance.jsonl'), lines.stance.join('\n'));
  return { root, dataDir, bankDir: path.join(root, 'bank') };
}

describe('speechBody', () => {
  it('drops the President line and the trailing spaces that end transcript lines, keeping the rest byte for byte', () => {
    const { president, body } = speechBody(SPEECHES['1962-10-22-address-cuba']!);
    expect(president).toBe('John F. Kennedy');
    expect(body).toBe('Good evening, my fellow citizens:\n\nThe missiles can travel more than 1,000 nautical miles.\nThey threaten the hemisphere.');
  });
});

describe('readBank', () => {
  it('reads a corpus with its speeches from the data folder and its question files', async () => {
    const { dataDir, bankDir } = await makeBank();
    const bank = await readBank(bankDir, dataDir);
    if (!bank.available) throw new Error(bank.note);
    expect(bank.corpora.map((c) => c.meta.id)).toEqual(['nuclear']);
    expect(bank.corpora[0]!.docs).toHaveLength(3);
    expect(bank.corpora[0]!.answerable[0]!.qtype).toBe('number');
    expect(bank.corpora[0]!.unanswerable[0]!.kind).toBe('near-miss');
    expect(checkBankCorpus(bank.corpora[0]!)).toEqual([]);
  });

  it('reports the bank unavailable, with a note naming the folder, when the data folder is absent', async () => {
    const { root, bankDir } = await makeBank();
    const bank = await readBank(bankDir, path.join(root, 'missing'));
    expect(bank.available).toBe(false);
    expect(!bank.available && bank.note).toMatch(/question bank skipped: no speeches under .*missing/);
  });

  it('names the file and line of a question with an unknown answer type', async () => {
    const { dataDir, bankDir } = await makeBank({ questions: [JSON.stringify({ id: 'q1', qtype: 'colour', question: 'What colour?', gold: [{ docId: 'x', quote: 'y' }] })] });
    await expect(readBank(bankDir, dataDir)).rejects.toThrow(/questions\.jsonl:1: qtype/);
  });
});

describe('checkBankCorpus', () => {
  it('finds a gold quote that is not verbatim, a quote from a document outside the corpus, a duplicate id and stance rows out of place', async () => {
    const { dataDir, bankDir } = await makeBank({
      questions: [
        JSON.stringify({ id: 'q1', qtype: 'number', question: 'How far?', gold: [{ docId: '1962-10-22-address-cuba', quote: 'The missiles can travel 2,000 miles.' }] }),
        JSON.stringify({ id: 'q1', qtype: 'date', question: 'When?', gold: [{ docId: 'no-such-speech', quote: 'today' }] }),
      ],
      stance: [JSON.stringify({ id: 's1', docId: '1987-12-08-inf-treaty', sentence: 'We signed the INF treaty today.', stance: 'pro' })],
    });
    const bank = await readBank(bankDir, dataDir);
    if (!bank.available) throw new Error(bank.note);
    const problems = checkBankCorpus(bank.corpora[0]!);
    expect(problems).toEqual([
      'nuclear/q1: duplicate id',
      'nuclear/q1: gold quote is not verbatim in 1962-10-22-address-cuba: "The missiles can travel 2,000 miles."',
      'nuclear/q1: gold quote names document "no-such-speech", which is not in the corpus',
    ]);
  });
});

describe('writeBankCorpus', () => {
  it('writes each speech as an article whose body, read back by wedge, is the speech text byte for byte', async () => {
    const { root, dataDir, bankDir } = await makeBank();
    const bank = await readBank(bankDir, dataDir);
    if (!bank.available) throw new Error(bank.note);
    const dir = path.join(root, 'laid-out');
    await writeBankCorpus(bank.corpora[0]!, dir);
    for (const doc of bank.corpora[0]!.docs) {
      const article = await readArticleFile(path.join(dir, `${doc.id}.md`));
      expect(article.body).toBe(doc.body);
      expect(article.meta).toMatchObject({ id: doc.id, title: doc.title, author: 'A President', date: doc.date, kind: 'speech' });
    }
    expect(bankArticleText(bank.corpora[0]!.docs[1]!)).toContain('title: "test-ban"');
  });
});
