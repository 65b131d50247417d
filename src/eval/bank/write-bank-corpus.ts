import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BankCorpus } from './read-bank.js';

/** A bank document as a Markdown article with front matter; the body after it is the speech text byte for byte. */
export function bankArticleText(doc: BankCorpus['docs'][number]): string {
  // JSON strings are valid YAML scalars, so titles with colons or quotes need no escaping rules of their own.
  const meta = { id: doc.id, title: doc.title, author: doc.author, ...(doc.publisher ? { publisher: doc.publisher } : {}), date: doc.date, kind: doc.kind ?? 'speech' };
  return `---\n${Object.entries(meta).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\n---\n${doc.body}`;
}

/**
 * Lays a bank corpus out as a corpus folder wedge can index, rewriting only files whose text changed (so an
 * index built before stays fresh) and removing files of documents no longer listed.
 */
export async function writeBankCorpus(corpus: BankCorpus, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const wanted = new Map(corpus.docs.map((doc) => [`${doc.id}.md`, bankArticleText(doc)]));
  for (const name of await readdir(dir)) if (!wanted.has(name)) await rm(path.join(dir, name), { force: true });
  for (const [name, text] of wanted) {
    const file = path.join(dir, name);
    if (existsSync(file) && (await readFile(file, 'utf8')) === text) continue;
    await writeFile(file, text);
  }
}
