import type { Article } from '../src/corpus/article.js';

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = ['Trump', 'Putin', 'Xi Jinping', 'Biden', 'Nixon', 'Kissinger', 'Lavrov', 'Wang Yi', 'Modi', 'Erdogan', 'Macron', 'Scholz', 'Rubio', 'Zelensky', 'Peskov', 'Blinken'];
const PLACES = ['Moscow', 'Beijing', 'Washington', 'Kyiv', 'New Delhi', 'Ankara', 'Berlin', 'Paris', 'Tehran', 'Astana', 'Hanoi', 'Seoul'];

/**
 * Recombines the corpus's sentences into `count` passages (3–6 sentences each) with varied names,
 * numbers and years, grouped 20 to an article: near-duplicates exist, as in real news.
 */
export function syntheticCorpus(sentences: string[], count: number, seed = 42): Article[] {
  const next = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const vary = (sentence: string) => sentence
    .replace(/\b(Trump|Putin|Xi Jinping|Biden|Nixon|Kissinger)\b/g, () => pick(PEOPLE))
    .replace(/\b(Moscow|Beijing|Washington)\b/g, () => pick(PLACES))
    .replace(/\b(19|20)\d\d\b/g, () => String(1950 + Math.floor(next() * 76)))
    .replace(/\b\d{2,3}(?=\s?(bn|billion|%|percent))/g, () => String(10 + Math.floor(next() * 490)));
  const articles: Article[] = [];
  for (let a = 0; a * 20 < count; a += 1) {
    const paragraphs: string[] = [];
    for (let p = 0; p < 20 && a * 20 + p < count; p += 1) {
      const size = 3 + Math.floor(next() * 4);
      paragraphs.push(Array.from({ length: size }, () => vary(pick(sentences))).join(' '));
    }
    articles.push({ meta: { id: `synthetic-${a}`, title: `Synthetic dispatch ${a}: ${pick(PEOPLE)} in ${pick(PLACES)}` }, body: `${paragraphs.join('\n\n')}\n`, file: `synthetic-${a}.md` });
  }
  return articles;
}
