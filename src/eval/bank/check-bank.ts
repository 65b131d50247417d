import type { BankCorpus } from './read-bank.js';

/**
 * Every mechanical promise the bank makes: each gold quote, stance sentence and cited sentence is verbatim in
 * its document, ids are unique, and each question names a document of its own corpus. Returns the problems.
 */
export function checkBankCorpus(corpus: BankCorpus): string[] {
  const problems: string[] = [];
  const bodies = new Map(corpus.docs.map((d) => [d.id, d.body]));
  const where = (id: string) => `${corpus.meta.id}/${id}`;
  const verbatim = (id: string, docId: string, text: string, what: string) => {
    const body = bodies.get(docId);
    if (body === undefined) problems.push(`${where(id)}: ${what} names document "${docId}", which is not in the corpus`);
    else if (!body.includes(text)) problems.push(`${where(id)}: ${what} is not verbatim in ${docId}: "${text.slice(0, 60)}"`);
  };
  const seen = new Set<string>();
  for (const row of [...corpus.answerable, ...corpus.unanswerable, ...corpus.stance, ...corpus.support]) {
    if (seen.has(row.id)) problems.push(`${where(row.id)}: duplicate id`);
    seen.add(row.id);
  }
  for (const q of corpus.answerable) for (const g of q.gold) verbatim(q.id, g.docId, g.quote, 'gold quote');
  for (const s of corpus.stance) verbatim(s.id, s.docId, s.sentence, 'stance sentence');
  for (const s of corpus.support) verbatim(s.id, s.docId, s.cited, 'cited sentence');
  if (corpus.stance.length && !corpus.meta.debate) problems.push(`${corpus.meta.id}: stance sentences without a debate in corpus.json`);
  return problems;
}
