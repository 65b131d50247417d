import type { Side } from '../answer-result.js';
import { collectEvidence, sourceName, toCitations, type DocLookup, type Evidence } from '../evidence.js';
import type { Draft, SideRequest } from '../generators/answer-generator.js';
import { pickEvidence } from '../generators/pick-evidence.js';
import { classifyStance } from './classify-stance.js';

const POINTS_PER_SIDE = 3;

interface Assigned extends Evidence { side: 0 | 1; concession: boolean }

/** Sorts pooled evidence onto the side its stance supports; sentences with no stance are left out. */
function assign(sides: SideRequest[], docs: DocLookup): Assigned[] {
  const pooled = new Map<string, Evidence>();
  for (const side of sides) for (const item of collectEvidence(side.hits, docs)) pooled.set(`${item.docId}:${item.start}`, pooled.get(`${item.docId}:${item.start}`) ?? item);
  const withStance = [...pooled.values()].map((item) => ({ item, stance: classifyStance(item.text).stance }));
  // An article's overall position: where most of its retrieved sentences stand.
  const lean = new Map<string, number>();
  for (const { item, stance } of withStance) lean.set(item.docId, (lean.get(item.docId) ?? 0) + (stance === 'pro' ? 1 : stance === 'con' ? -1 : 0));
  return withStance.flatMap(({ item, stance }) => {
    if (stance === 'neutral') return [];
    const side = stance === 'pro' ? 0 : 1;
    const docLean = lean.get(item.docId) ?? 0;
    // A point for one side taken from an article that argues the other is that author's concession.
    const concession = side === 0 ? docLean < 0 : docLean > 0;
    return [{ ...item, side, concession } as Assigned];
  });
}

/**
 * Counts the distinct passages backing each side: a passage backs the side its sentences argue on
 * balance, so one concession inside a passage that argues the other way does not count twice.
 */
function countPassages(sides: SideRequest[], docs: DocLookup): { counts: [number, number]; concessions: [number, number] } {
  const seen = new Set<string>();
  const net: Array<{ docId: string; score: number }> = [];
  for (const hit of sides.flatMap((side) => side.hits)) {
    if (hit.role !== 'body' || seen.has(hit.chunkId)) continue;
    seen.add(hit.chunkId);
    const body = docs(hit.docId)?.body ?? '';
    net.push({ docId: hit.docId, score: hit.sentences.reduce((sum, s) => sum + classifyStance(body.slice(s.start, s.end)).score, 0) });
  }
  const lean = new Map<string, number>();
  for (const passage of net) lean.set(passage.docId, (lean.get(passage.docId) ?? 0) + Math.sign(passage.score));
  const counts: [number, number] = [0, 0];
  const concessions: [number, number] = [0, 0];
  for (const passage of net) {
    if (passage.score === 0) continue;
    const side = passage.score > 0 ? 0 : 1;
    counts[side] += 1;
    if ((lean.get(passage.docId) ?? 0) * (side === 0 ? 1 : -1) < 0) concessions[side] += 1;
  }
  return { counts, concessions };
}

function balanceLine(sides: SideRequest[], counts: [number, number], concessions: [number, number]): string {
  const [a, b] = counts;
  if (a === 0 && b === 0) return 'The retrieved passages take no clear position on either side.';
  if (a === 0 || b === 0) {
    const empty = a === 0 ? sides[0]! : sides[1]!;
    return `No passage in the articles argues “${empty.label}”; the case for it is absent from this corpus, not merely weaker.`;
  }
  const [strong, weak] = a >= b ? [0, 1] : [1, 0];
  const ratio = Math.max(a, b) / Math.min(a, b);
  if (ratio >= 2) {
    const conceded = concessions[weak]! > 0 ? `, ${concessions[weak]} of them from articles that argue the other side` : '';
    return `The articles lean clearly to “${sides[strong]!.label}” (${Math.max(a, b)} passages against ${Math.min(a, b)}); the case for “${sides[weak]!.label}” rests on few passages${conceded}.`;
  }
  return `Support is roughly balanced: ${a} passages for “${sides[0]!.label}”, ${b} for “${sides[1]!.label}”.`;
}

/** Builds a steelman answer offline: each side's strongest cited points, its support count, and an honest balance line. */
export function composeSteelman(sides: SideRequest[], docs: DocLookup): Draft {
  const assigned = assign(sides, docs);
  const bySide = [0, 1].map((side) => assigned.filter((item) => item.side === side));
  const { counts, concessions } = countPassages(sides, docs);
  const chosen = bySide.map((items) => pickEvidence(items, POINTS_PER_SIDE) as Assigned[]);
  const citations = toCitations(chosen.flat(), docs);
  let n = 0;
  const resultSides: Side[] = sides.slice(0, 2).map((side, i) => ({
    label: side.label,
    thesis: side.thesis,
    supportCount: counts[i]!,
    points: chosen[i]!.map((item) => {
      n += 1;
      return { text: citations[n - 1]!.quote, citations: [n], ...(item.concession ? { concession: true } : {}) };
    }),
  }));
  const lines: string[] = [];
  resultSides.forEach((side, i) => {
    lines.push(`**${side.label}** (${side.supportCount} passage${side.supportCount === 1 ? '' : 's'}): ${side.thesis}`);
    if (!side.points.length) lines.push('- No passage in the articles makes this case.');
    for (const point of side.points) {
      const citation = citations[point.citations[0]! - 1]!;
      const who = sourceName(docs(citation.docId)!.meta);
      lines.push(`- “${point.text.replace(/\s*\n\s*/g, ' ')}” — ${who}${point.concession ? ' (whose article argues the other side)' : ''} [${point.citations[0]}]`);
    }
    if (i === 0) lines.push('');
  });
  lines.push('', `**Balance:** ${balanceLine(sides, counts, concessions)}`);
  return { answer: lines.join('\n'), citations, sides: resultSides, abstained: counts[0] + counts[1] === 0, generator: 'extractive' };
}
