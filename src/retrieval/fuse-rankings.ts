/** Reciprocal-rank fusion (Cormack et al., 2009): sum of 1 / (k + rank) over the rankings an item appears in. */
export function fuseRankings(rankings: number[][], k = 60): Map<number, number> {
  const scores = new Map<number, number>();
  for (const ranking of rankings) {
    ranking.forEach((item, rank) => scores.set(item, (scores.get(item) ?? 0) + 1 / (k + rank + 1)));
  }
  return scores;
}
