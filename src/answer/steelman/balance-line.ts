/** A side as the balance line names it. */
export interface BalanceSide { label: string }

/** Ratios at which the wording changes: within 1.25× "roughly balanced", up to 2× "leans toward", beyond "mostly". */
export const BALANCE_RATIOS = { balanced: 1.25, leans: 2 };

const passages = (n: number) => `${n} passage${n === 1 ? '' : 's'}`;

/**
 * One honest sentence on how much support each side has, worded by the ratio of their passage counts,
 * never calling 8 against 15 "balanced". `conceded` counts, per side, passages from articles that argue the other side.
 */
export function balanceLine(sides: [BalanceSide, BalanceSide], counts: [number, number], conceded: [number, number] = [0, 0]): string {
  const [a, b] = counts;
  if (a === 0 && b === 0) return 'The retrieved passages take no clear position on either side.';
  if (a === 0 || b === 0) {
    const empty = a === 0 ? sides[0] : sides[1];
    return `No passage in the articles argues “${empty.label}”; the case for it is absent from this corpus, not merely weaker.`;
  }
  const [strong, weak] = a >= b ? [0, 1] as const : [1, 0] as const;
  const [more, fewer] = [counts[strong], counts[weak]];
  const ratio = more / fewer;
  if (ratio <= BALANCE_RATIOS.balanced) return `Support is roughly balanced: ${passages(a)} for “${sides[0].label}”, ${b} for “${sides[1].label}”.`;
  if (ratio <= BALANCE_RATIOS.leans) return `The articles lean toward “${sides[strong].label}”: ${passages(more)} against ${fewer} for “${sides[weak].label}”.`;
  const from = conceded[weak] > 0 ? `, ${conceded[weak]} of them from articles that argue the other side` : '';
  return `The articles mostly argue “${sides[strong].label}”: ${passages(more)} against ${fewer}; the case for “${sides[weak].label}” rests on few passages${from}.`;
}
