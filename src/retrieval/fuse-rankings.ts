/**
 * Reciprocal-rank fusion (Cormack et al., 2009): sum of weight / (k + rank) over the rankings an
 * item appears in. Weights default to 1; a weaker ranker can be given less say.
 */
export function fuseRankings(rankings: number[][], k = 60, weights: number[] = rankings.map(() => 1)): Map<number, number> {
  const scores = new Map<number, number>();
  rankings.forEach((ranking, j) => {
    const weight = weights[j] ?? 1;
    ranking.forEach((item, rank) => scores.set(item, (scores.get(item) ?? 0) + weight / (k + rank + 1)));
  });
  return scores;
}
