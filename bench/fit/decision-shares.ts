/** What a decision share reads of a question: whether it is answerable, a near miss, and its type. */
export interface Decided { q: { answerable: boolean; nearMiss: boolean; qtype: string } }

/** Share of the picked questions whose score is at or above the cut-off (answered), or below it (declined); NaN when none is picked. */
export function decidedShare<R>(rows: R[], scores: number[], cutoff: number, pick: (row: R) => boolean, answered: boolean): number {
  let picked = 0;
  let hits = 0;
  rows.forEach((row, i) => {
    if (!pick(row)) return;
    picked += 1;
    if ((scores[i]! >= cutoff) === answered) hits += 1;
  });
  return picked ? hits / picked : NaN;
}

/** Among the picked questions: answerable ones answered, unanswerable ones declined, near misses declined. */
export function decisionShares<R extends Decided>(rows: R[], scores: number[], cutoff: number, pick: (row: R) => boolean = () => true) {
  return {
    answered: decidedShare(rows, scores, cutoff, (r) => pick(r) && r.q.answerable, true),
    declined: decidedShare(rows, scores, cutoff, (r) => pick(r) && !r.q.answerable, false),
    nearMisses: decidedShare(rows, scores, cutoff, (r) => pick(r) && r.q.nearMiss, false),
  };
}
