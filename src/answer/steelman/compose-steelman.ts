import type { Side } from '../answer-result.js';
import { collectEvidence, evidenceStrength, sourceName, toCitations, type DocLookup, type Evidence } from '../evidence.js';
import type { Draft, SideRequest } from '../generators/answer-generator.js';
import { articleLeans } from './article-lean.js';
import { quoteStart } from '../generators/compose-points.js';
import { contentWords, stemCosine, stemVector } from '../ranking/prepared-sentence.js';
import { balanceLine } from './balance-line.js';
import { classifyStance, type StanceCues } from './classify-stance.js';

// Up to six distinct points a side, when the corpus has them.
const POINTS_PER_SIDE = 6;
// Sentences this close (cosine of IDF-weighted stems) make the same point; one from another article corroborates it.
const SAME_POINT = 0.5;

interface Assigned extends Evidence { side: 0 | 1; concession: boolean }

/** Sorts pooled evidence onto the side its stance supports; sentences with no stance are left out. */
function assign(sides: SideRequest[], docs: DocLookup, cues?: StanceCues): Assigned[] {
  const pooled = new Map<string, Evidence>();
  for (const side of sides) for (const item of collectEvidence(side.hits, docs)) pooled.set(`${item.docId}:${item.start}`, pooled.get(`${item.docId}:${item.start}`) ?? item);
  const withStance = [...pooled.values()].map((item) => ({ item, stance: classifyStance(item.text, cues).stance }));
  // An article's overall position: where its retrieved sentences stand, when they lean clearly (articleLean).
  const lean = articleLeans(withStance.map(({ item, stance }) => ({ docId: item.docId, sign: stance === 'pro' ? 1 : stance === 'con' ? -1 : 0 })));
  return withStance.flatMap(({ item, stance }) => {
    if (stance === 'neutral') return [];
    // A sentence that only reads with the one before it is quoted with it; when that one argues the other side, the pair makes no point for this one.
    if (quoteStart(item) !== item.start) {
      const before = classifyStance(docs(item.docId)!.body.slice(quoteStart(item), item.start), cues).stance;
      if (before !== 'neutral' && before !== stance) return [];
    }
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
function countPassages(sides: SideRequest[], docs: DocLookup, cues?: StanceCues): { counts: [number, number]; concessions: [number, number] } {
  const seen = new Set<string>();
  const net: Array<{ docId: string; score: number }> = [];
  for (const hit of sides.flatMap((side) => side.hits)) {
    if (hit.role !== 'body' || seen.has(hit.chunkId)) continue;
    seen.add(hit.chunkId);
    const body = docs(hit.docId)?.body ?? '';
    net.push({ docId: hit.docId, score: hit.sentences.reduce((sum, s) => sum + classifyStance(body.slice(s.start, s.end), cues).score, 0) });
  }
  const lean = articleLeans(net.map((passage) => ({ docId: passage.docId, sign: passage.score })));
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

interface SidePoint { lead: Assigned; also: Assigned[] }

/**
 * A side's distinct points, strongest first: a sentence that says what a chosen point says joins it (from
 * another article, as corroboration) instead of repeating it; at most two points from one article.
 */
function distinctPoints(items: Assigned[], idf: (stem: string) => number): SidePoint[] {
  const ranked = [...items].sort((a, b) => evidenceStrength(b) - evidenceStrength(a)).map((item) => ({ item, vector: stemVector(contentWords(item.text), idf) }));
  const points: Array<SidePoint & { vectors: Array<Map<string, number>> }> = [];
  const perDoc = new Map<string, number>();
  for (const { item, vector } of ranked) {
    const same = points.find((p) => p.vectors.some((v) => stemCosine(v, vector) >= SAME_POINT));
    if (same) {
      if (![same.lead, ...same.also].some((s) => s.docId === item.docId)) { same.also.push(item); same.vectors.push(vector); }
      continue;
    }
    if (points.length >= POINTS_PER_SIDE || (perDoc.get(item.docId) ?? 0) >= 2) continue;
    points.push({ lead: item, also: [], vectors: [vector] });
    perDoc.set(item.docId, (perDoc.get(item.docId) ?? 0) + 1);
  }
  return points.map(({ lead, also }) => ({ lead, also }));
}

/** Builds a steelman answer offline: each side's strongest distinct cited points, its support count, and an honest balance line. */
export function composeSteelman(sides: SideRequest[], docs: DocLookup, idf: (stem: string) => number = () => 1, cues?: StanceCues): Draft {
  const assigned = assign(sides, docs, cues);
  const bySide = [0, 1].map((side) => assigned.filter((item) => item.side === side));
  const { counts, concessions } = countPassages(sides, docs, cues);
  const chosen = bySide.map((items) => distinctPoints(items, idf));
  const citations = toCitations(chosen.flat().flatMap((point) => [{ ...point.lead, start: quoteStart(point.lead) }, ...point.also]), docs);
  let n = 0;
  const resultSides: Side[] = sides.slice(0, 2).map((side, i) => ({
    label: side.label,
    thesis: side.thesis,
    supportCount: counts[i]!,
    points: chosen[i]!.map((point) => {
      const numbers = [point.lead, ...point.also].map(() => { n += 1; return n; });
      return { text: citations[numbers[0]! - 1]!.quote, citations: numbers, ...(numbers.length > 1 ? { articles: numbers.length } : {}), ...(point.lead.concession ? { concession: true } : {}) };
    }),
  }));
  const lines: string[] = [];
  resultSides.forEach((side, i) => {
    lines.push(`**${side.label}** (${side.supportCount} passage${side.supportCount === 1 ? '' : 's'}): ${side.thesis}`);
    if (!side.points.length) lines.push('- No passage in the articles makes this case.');
    for (const point of side.points) {
      const [first, ...more] = point.citations.map((c) => citations[c - 1]!);
      const who = sourceName(docs(first!.docId)!.meta);
      const lead = more.length ? `**${more.length + 1} articles make this point:** ` : '';
      lines.push(`- ${lead}“${point.text.replace(/\s*\n\s*/g, ' ')}” — ${who}${point.concession ? ' (whose article argues the other side)' : ''} [${first!.n}]`);
      for (const also of more) lines.push(`  - Also ${sourceName(docs(also.docId)!.meta)}: “${also.quote.replace(/\s*\n\s*/g, ' ')}” [${also.n}]`);
    }
    if (i === 0) lines.push('');
  });
  lines.push('', `**Balance:** ${balanceLine([sides[0]!, sides[1]!], counts, concessions)}`);
  return { answer: lines.join('\n'), citations, sides: resultSides, abstained: counts[0] + counts[1] === 0, generator: 'extractive' };
}
