import type { Alignment } from './align-terms.js';
import type { JudgedText, Term } from './judge-terms.js';

/** A claim term placed by the source term it is aligned to. */
interface Placed { claim: Term; source: Term }

// Words that join two actors without saying who does what to whom ("China and Russia", "between A and B").
const SYMMETRIC = new Set(['and', 'or', 'with', 'between', 'versus', 'vs', 'v', 'the', 'a', 'an', 'of', 'to', 'both']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const WINDOW = 12;

/** Source terms by stem, when the stem occurs once: a repeated word cannot say where its role is. */
function uniqueStems(source: JudgedText): Map<string, Term> {
  const counts = new Map<string, number>();
  for (const term of source.terms) counts.set(term.stem, (counts.get(term.stem) ?? 0) + 1);
  return new Map(source.terms.filter((t) => counts.get(t.stem) === 1).map((t) => [t.stem, t]));
}

function placedTerms(alignments: Alignment[], source: JudgedText): Placed[] {
  const unique = uniqueStems(source);
  return alignments.flatMap(({ term, to }) => {
    const placed = to && unique.get(to.stem);
    return placed ? [{ claim: term, source: placed }] : [];
  }).sort((a, b) => a.claim.at - b.claim.at);
}

/** A passive between two positions ("is supplied by", "was driven by") reverses who acts on whom. */
const passive = (tokens: string[], from: number, to: number) => {
  const between = tokens.slice(from + 1, to);
  const by = between.indexOf('by');
  return by > 0 && between.slice(0, by).some((w) => BE.has(w));
};

/**
 * Parallel clauses with their roles traded: "Russia supplies technology, while China offers energy"
 * against "Russia supplies energy, while China offers technology". Each clause of the claim opens with
 * its actor; the rest of that clause says, in the source, what the other actor does.
 */
export function swappedClauses(claim: JudgedText, source: JudgedText, alignments: Alignment[]): string | undefined {
  const placed = placedTerms(alignments, source);
  const clauses = [...new Set(placed.map((p) => p.claim.clause))];
  if (clauses.length < 2 || new Set(source.terms.map((t) => t.clause)).size < 2) return undefined;
  const crossed = clauses.map((clause) => {
    const inClause = placed.filter((p) => p.claim.clause === clause);
    const [head, ...rest] = inClause;
    if (!head || rest.length < 2) return undefined;
    const votes = new Map<number, number>();
    for (const p of rest) votes.set(p.source.clause, (votes.get(p.source.clause) ?? 0) + 1);
    const [best, count] = [...votes].sort((a, b) => b[1] - a[1])[0]!;
    const own = votes.get(head.source.clause) ?? 0;
    return best !== head.source.clause && count >= 2 && own < count ? head : undefined;
  });
  const heads = crossed.filter((head): head is Placed => !!head);
  return heads.length >= 2 ? `the clauses about “${heads[0]!.claim.word}” and “${heads[1]!.claim.word}” trade what each does` : undefined;
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
  const linking = (tokens: string[], from: number, to: number) => new Set(tokens.slice(from + 1, to).filter((w) => !SYMMETRIC.has(w)));
  for (const [i, x] of names.entries()) {
    for (const y of names.slice(i + 1)) {
      const [kx, ky] = [keyOf.get(x.stem)!, keyOf.get(y.stem)!];
      if (kx === ky || x.clause !== y.clause || y.at - x.at > WINDOW) continue;
      const claimLinks = linking(claim.tokens, x.at, y.at);
      if (!claimLinks.size) continue;
      const pivots = claim.terms.filter((t) => t.at > x.at && t.at < y.at && keyOf.has(t.stem)).map((t) => keyOf.get(t.stem)!);
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
  const heldBy = new Map<string, string>();
  source.terms.forEach((term, i) => {
    const next = source.terms[i + 1];
    if (term.name && next && !next.name && next.at === term.at + 1 && !opensClause(source, term)) heldBy.set(next.stem, term.stem);
  });
  const sourceNames = new Set(source.terms.filter((t) => t.name).map((t) => t.stem));
  for (let i = 0; i + 1 < claim.terms.length; i += 1) {
    const [name, noun] = [claim.terms[i]!, claim.terms[i + 1]!];
    if (!name.name || noun.name || noun.at !== name.at + 1 || opensClause(claim, name)) continue;
    const own = toSource.get(name.stem)?.stem;
    const holder = heldBy.get(toSource.get(noun.stem)?.stem ?? '');
    if (own && holder && holder !== own && sourceNames.has(own)) {
      return `“${name.word} ${noun.word}” where the source says it of another name`;
    }
  }
  return undefined;
}
