/** A passage as ranked by a retriever: which article and which characters. */
export interface RankedSpan { docId: string; start: number; end: number }
/** A gold quote located in its article. */
export interface GoldSpan { docId: string; start: number; end: number }

function overlap(a: GoldSpan, b: RankedSpan): number {
  if (a.docId !== b.docId) return 0;
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** A passage "contains" a gold quote when it holds at least half of the quote's characters. */
export function containsGold(hit: RankedSpan, gold: GoldSpan): boolean {
  return overlap(gold, hit) >= (gold.end - gold.start) / 2;
}

/** Recall@k: share of gold quotes contained in one of the top k passages. */
export function recallAtK(ranked: RankedSpan[], gold: GoldSpan[], k: number): number {
  const top = ranked.slice(0, k);
  return gold.filter((g) => top.some((hit) => containsGold(hit, g))).length / gold.length;
}

/** Reciprocal rank of the first passage (within the top k) that contains any gold quote; 0 if none. */
export function reciprocalRankAtK(ranked: RankedSpan[], gold: GoldSpan[], k: number): number {
  const rank = ranked.slice(0, k).findIndex((hit) => gold.some((g) => containsGold(hit, g)));
  return rank < 0 ? 0 : 1 / (rank + 1);
}

/** nDCG@k with binary gains (BEIR convention): a passage is relevant when it contains a gold quote not already credited. */
export function ndcgAtK(ranked: RankedSpan[], gold: GoldSpan[], k: number): number {
  const credited = new Set<number>();
  let dcg = 0;
  ranked.slice(0, k).forEach((hit, i) => {
    const g = gold.findIndex((span, j) => !credited.has(j) && containsGold(hit, span));
    if (g >= 0) { credited.add(g); dcg += 1 / Math.log2(i + 2); }
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, gold.length); i += 1) ideal += 1 / Math.log2(i + 2);
  return ideal ? dcg / ideal : 0;
}

/** Coverage@k: share of gold-quote characters inside the union of the top k passages. */
export function coverageAtK(ranked: RankedSpan[], gold: GoldSpan[], k: number): number {
  let covered = 0;
  let total = 0;
  for (const g of gold) {
    const mask = new Uint8Array(g.end - g.start);
    for (const hit of ranked.slice(0, k)) {
      if (hit.docId !== g.docId) continue;
      for (let i = Math.max(g.start, hit.start); i < Math.min(g.end, hit.end); i += 1) mask[i - g.start] = 1;
    }
    covered += mask.reduce((sum, bit) => sum + bit, 0);
    total += mask.length;
  }
  return total ? covered / total : 0;
}
