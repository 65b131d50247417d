/**
 * Stance figures of one split: accuracy beside the majority class's, how many sentences each label has, and
 * `sided`: of the sentences that argue a side and that the classifier gives a side, the share it gives the right
 * one, beside the commoner side's share of them (telling which side is what steelman needs).
 */
export interface StanceFigures { n: number; accuracy: number; majority: number; labels: Record<string, number>; sided?: { n: number; accuracy: number; majority: number } }
/** Support-judge figures of one split: accuracy, share of supported claims kept, and share of each negative kind rejected. */
export interface SupportFigures { n: number; accuracy: number; supportedKept: number; rejectedByKind: Record<string, { n: number; rejected: number }> }

const bySplit = <T extends { split: string }>(rows: T[]) => {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.split, [...(groups.get(row.split) ?? []), row]);
  return groups;
};

/** Scores a stance classifier on labelled sentences, per split; "neither" and "neutral" are the same label. */
export function stanceFigures(rows: Array<{ split: string; sentence: string; stance: string }>, classify: (sentence: string) => string): Record<string, StanceFigures> {
  const same = (label: string) => (label === 'neutral' ? 'neither' : label);
  return Object.fromEntries([...bySplit(rows)].map(([split, group]) => {
    const labels: Record<string, number> = {};
    for (const row of group) labels[same(row.stance)] = (labels[same(row.stance)] ?? 0) + 1;
    const verdicts = group.map((row) => same(classify(row.sentence)));
    const right = group.filter((row, i) => verdicts[i] === same(row.stance)).length;
    // The arguing sentences the classifier gave a side, each with the side it gave.
    const sided = group.flatMap((row, i) => (same(row.stance) !== 'neither' && verdicts[i] !== 'neither' && verdicts[i] !== 'unjudged' ? [{ gold: row.stance, given: verdicts[i] }] : []));
    const pro = sided.filter((s) => s.gold === 'pro').length;
    const sidedRight = sided.filter((s) => s.given === s.gold).length;
    return [split, {
      n: group.length, accuracy: right / group.length, majority: Math.max(...Object.values(labels)) / group.length, labels,
      ...(sided.length ? { sided: { n: sided.length, accuracy: sidedRight / sided.length, majority: Math.max(pro, sided.length - pro) / sided.length } } : {}),
    }];
  }));
}

/** Scores a support judge on claim/evidence pairs, per split. */
export function supportFigures(rows: Array<{ split: string; kind: string; statement: string; cited: string; supported: boolean }>, supports: (statement: string, cited: string) => boolean): Record<string, SupportFigures> {
  return Object.fromEntries([...bySplit(rows)].map(([split, group]) => {
    let right = 0;
    let kept = 0;
    const rejectedByKind: SupportFigures['rejectedByKind'] = {};
    for (const row of group) {
      const verdict = supports(row.statement, row.cited);
      if (verdict === row.supported) right += 1;
      if (row.supported && verdict) kept += 1;
      if (!row.supported) {
        const kind = (rejectedByKind[row.kind] ??= { n: 0, rejected: 0 });
        kind.n += 1;
        if (!verdict) kind.rejected += 1;
      }
    }
    const supported = group.filter((row) => row.supported).length;
    return [split, { n: group.length, accuracy: right / group.length, supportedKept: supported ? kept / supported : 1, rejectedByKind }];
  }));
}
