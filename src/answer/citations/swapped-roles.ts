import type { Alignment } from './align-terms.js';
import type { JudgedText, Term } from './judge-terms.js';

// Words that join two actors without saying who does what to whom ("China and Russia", "between A and B").
const SYMMETRIC = new Set(['and', 'or', 'with', 'between', 'versus', 'vs', 'v', 'the', 'a', 'an', 'of', 'to', 'both']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const WINDOW = 12;

/** A passive between two positions ("is supplied by", "was driven by") reverses who acts on whom. */
const passive = (tokens: string[], from: number, to: number) => {
  const between = tokens.slice(from + 1, to);
  const by = between.indexOf('by');
  return by > 0 && between.slice(0, by).some((w) => BE.has(w));
};

/**
 * The source clause a claim clause restates: where most of its aligned non-name words are. A word found in
 * several clauses splits its vote; the winner needs 1.5 votes and no tie.
 */
function restatedClause(terms: Term[], keyOf: Map<string, string>, clausesOf: (stem: string) => Set<number>): number | undefined {
  const votes = new Map<number, number>();
  for (const term of terms) {
    const where = term.name ? new Set<number>() : clausesOf(keyOf.get(term.stem) ?? '');
    for (const clause of where) votes.set(clause, (votes.get(clause) ?? 0) + 1 / where.size);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  return ranked[0] && ranked[0][1] >= 1.5 && ranked[0][1] > (ranked[1]?.[1] ?? 0) ? ranked[0][0] : undefined;
}

/**
 * Parallel clauses with their actors traded: "Russia supplies technology, while China offers energy"
 * against "Russia supplies energy, while China offers technology". Each clause of the claim is matched to
 * the source clause its other words restate; two names, each in one clause of the claim, trade places
 * when each is missing from its own clause's source and found in the other's.
 */
export function swappedClauses(claim: JudgedText, source: JudgedText, alignments: Alignment[]): string | undefined {
  if (new Set(source.terms.map((t) => t.clause)).size < 2) return undefined;
  const keyOf = new Map(alignments.flatMap(({ term, to }) => (to ? [[term.stem, to.stem] as const] : [])));
  const clausesOf = (stem: string) => new Set(source.terms.filter((t) => t.stem === stem).map((t) => t.clause));
  const clauses = [...new Set(claim.terms.map((t) => t.clause))];
  const restated = new Map(clauses.map((c) => [c, restatedClause(claim.terms.filter((t) => t.clause === c), keyOf, clausesOf)]));
  // Names the claim uses in exactly one clause: "Russia sells to China, while China sells to Russia" names both in both.
  const names = claim.terms.filter((t) => t.name && keyOf.has(t.stem) && claim.terms.every((o) => o.stem !== t.stem || o.clause === t.clause));
  for (const a of names) {
    for (const b of names) {
      const [ca, cb] = [restated.get(a.clause), restated.get(b.clause)];
      if (a.clause === b.clause || ca === undefined || cb === undefined || ca === cb) continue;
      const [inA, inB] = [clausesOf(keyOf.get(a.stem)!), clausesOf(keyOf.get(b.stem)!)];
      if (!inA.has(ca) && inA.has(cb) && !inB.has(cb) && inB.has(ca)) return `“${a.word}” and “${b.word}” trade places between the parallel clauses`;
    }
  }
  return undefined;
}

/** Source positions of each source stem, every occurrence. */
function occurrences(source: JudgedText): Map<string, Term[]> {
  const at = new Map<string, Term[]>();
  for (const term of source.terms) at.set(term.stem, [...(at.get(term.stem) ?? []), term]);
  return at;
}

/**
 * Subject and object of one verb swapped: "A depends on B" against "B depends on A". Two names of one
 * clause face each other across the same word (an aligned content word, or the same linking words) in
 * the opposite order within one clause of the source, and never in the claim's order; voice is
 * considered ("B is relied on by A" is the same fact).
 */
export function swappedActors(claim: JudgedText, source: JudgedText, alignments: Alignment[]): string | undefined {
  const at = occurrences(source);
  const keyOf = new Map(alignments.flatMap(({ term, to }) => (to ? [[term.stem, to.stem] as const] : [])));
  const names = claim.terms.filter((t) => t.name && keyOf.has(t.stem));
  // Linking words and pivots are not names: "China and the Soviet Union during the Cold War" links nothing.
  const nameWords = new Set([...claim.terms, ...source.terms].filter((t) => t.name).map((t) => t.word));
  const linking = (tokens: string[], from: number, to: number) => new Set(tokens.slice(from + 1, to).filter((w) => !SYMMETRIC.has(w) && !nameWords.has(w)));
  for (const [i, x] of names.entries()) {
    for (const y of names.slice(i + 1)) {
      const [kx, ky] = [keyOf.get(x.stem)!, keyOf.get(y.stem)!];
      if (kx === ky || x.clause !== y.clause || y.at - x.at > WINDOW) continue;
      const claimLinks = linking(claim.tokens, x.at, y.at);
      if (!claimLinks.size) continue;
      const pivots = claim.terms.filter((t) => t.at > x.at && t.at < y.at && !t.name && keyOf.has(t.stem)).map((t) => keyOf.get(t.stem)!);
      // Whether the source has `first` … `second` in one clause, joined by a pivot or the same linking words.
      const joined = (first: Term[], second: Term[], claimPassive: boolean) => first.some((f) => second.some((g) => {
        if (f.clause !== g.clause || g.at <= f.at || g.at - f.at > WINDOW) return false;
        if (passive(source.tokens, f.at, g.at) !== claimPassive) return false;
        const byPivot = pivots.some((p) => (at.get(p) ?? []).some((t) => t.at > f.at && t.at < g.at));
        return byPivot || [...linking(source.tokens, f.at, g.at)].some((w) => claimLinks.has(w));
      }));
      const claimPassive = passive(claim.tokens, x.at, y.at);
      const [ox, oy] = [at.get(kx) ?? [], at.get(ky) ?? []];
      if (joined(oy, ox, claimPassive) && !joined(ox, oy, claimPassive)) return `“${x.word}” and “${y.word}” trade places`;
    }
  }
  return undefined;
}

/** A clause's first term is its subject ("China buys"), not a name that qualifies a noun ("Chinese goods"). */
const opensClause = (text: JudgedText, term: Term) => text.terms.find((t) => t.clause === term.clause) === term;

/**
 * A name moved to another noun: "Russian technology" where the source says "Chinese technology" and
 * "Russian energy". The claim's name-noun pair is in the source with the noun held by a different name.
 */
export function swappedModifiers(claim: JudgedText, source: JudgedText, alignments: Alignment[]): string | undefined {
  const toSource = new Map(alignments.flatMap(({ term, to }) => (to ? [[term.stem, to] as const] : [])));
  // The noun after a name, held by the whole run of names before it ("Xi Jinping declared" is held by xi and jinping).
  const heldBy = new Map<string, Set<string>>();
  source.terms.forEach((term, i) => {
    const next = source.terms[i + 1];
    if (!term.name || !next || next.name || next.at !== term.at + 1 || source.punctuated.has(next.at) || opensClause(source, term)) return;
    const run = new Set([term.stem]);
    for (let j = i - 1; j >= 0 && source.terms[j]!.name && source.terms[j]!.at === source.terms[j + 1]!.at - 1; j -= 1) run.add(source.terms[j]!.stem);
    heldBy.set(next.stem, run);
  });
  const sourceNames = new Set(source.terms.filter((t) => t.name).map((t) => t.stem));
  for (let i = 0; i + 1 < claim.terms.length; i += 1) {
    const [name, noun] = [claim.terms[i]!, claim.terms[i + 1]!];
    if (!name.name || noun.name || noun.at !== name.at + 1 || claim.punctuated.has(noun.at) || opensClause(claim, name)) continue;
    const own = toSource.get(name.stem)?.stem;
    const holder = heldBy.get(toSource.get(noun.stem)?.stem ?? '');
    if (own && holder && !holder.has(own) && sourceNames.has(own)) {
      return `“${name.word} ${noun.word}” where the source says it of another name`;
    }
  }
  return undefined;
}
