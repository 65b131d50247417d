import { winkEnglish } from '../../text/wink-english.js';
import type { SideSpec } from './derive-sides.js';

interface Token { text: string; pos: string; space: string }

// wink-nlp costs ~200 ms to load (winkEnglish loads it once): only a steelman question pays for it.
function tag(text: string): Token[] {
  const nlp = winkEnglish();
  const { its } = nlp;
  const tokens = nlp.readDoc(text).tokens();
  const values = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  return values.map((value, i) => ({ text: value, pos: pos[i]!, space: spaces[i]! }));
}

const NOMINAL = new Set(['DET', 'PROPN', 'NOUN', 'PRON', 'ADJ', 'NUM', 'PART']);
const NEGATED: Record<string, string> = { can: 'cannot', will: 'will not', would: 'would not', should: 'should not', could: 'could not', must: 'must not', may: 'may not', might: 'might not', is: 'is not', are: 'are not', was: 'was not', were: 'were not', does: 'does not', do: 'do not', did: 'did not', has: 'has not', have: 'have not', had: 'had not' };

const join = (tokens: Token[]) => tokens.map((t, i) => (i ? t.space : '') + t.text).join('');
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
const label = (tokens: Token[]) => { const text = join(tokens); return `${text.charAt(0).toUpperCase()}${text.slice(1)}`; };

const OBJECT_PRONOUNS = new Set(['it', 'them']);

/**
 * "court Moscow or keep up the pressure on it": a second course's "it" or "them" is the first course's object, as
 * the nearest noun phrase that is not the subject (Hobbs's search) reads it. It is replaced only when the first course
 * has exactly one noun phrase after its verb; with two ("buy gas from Russia or stop it") the pronoun stays as asked.
 */
function resolveObjectPronoun(first: Token[], right: Token[]): Token[] {
  // A noun phrase is a run of nominal tokens; a pronoun is no phrase of its own.
  const inPhrase = (t: Token | undefined) => t !== undefined && NOMINAL.has(t.pos) && t.pos !== 'PRON';
  const phrases: Token[][] = [];
  first.slice(1).forEach((t, i, rest) => {
    if (!inPhrase(t)) return;
    if (inPhrase(rest[i - 1])) phrases[phrases.length - 1]!.push(t);
    else phrases.push([t]);
  });
  if (phrases.length !== 1) return right;
  const [object] = phrases as [Token[]];
  return right.flatMap((t, i) => (i > 0 && t.pos === 'PRON' && OBJECT_PRONOUNS.has(t.text.toLowerCase())
    ? object.map((o, j) => ({ ...o, space: j ? o.space : t.space }))
    : [t]));
}

/**
 * The two theses a question puts, read from its grammar (wink-nlp's part-of-speech tags): "Should X do A or B?"
 * gives "X should do A." and "X should do B."; "Can X do A?" gives "X can do A." and "X cannot do A.". The
 * question must open with an auxiliary, which makes it a yes-no or a choice question; anything else gives
 * undefined, and the caller falls back to the corpus's default sides.
 */
export async function questionTheses(question: string): Promise<{ choice: boolean; sides: [SideSpec, SideSpec] } | undefined> {
  const tokens = tag(question.trim()).filter((t, i, all) => !(t.pos === 'PUNCT' && i === all.length - 1));
  const [aux, ...rest] = tokens;
  if (!aux || aux.pos !== 'AUX' || rest.length < 2) return undefined;
  const or = rest.findIndex((t, i) => i > 0 && t.pos === 'CCONJ' && t.text.toLowerCase() === 'or');
  const left = or > 0 ? rest.slice(0, or) : rest;
  // The predicate starts at the first verb; without one (a verb mistagged as a noun, or a copula question) the
  // subject is the first noun phrase: determiners and adjectives, then the names or nouns they lead to, one head.
  let start = left.findIndex((t) => t.pos === 'VERB');
  if (start <= 0) {
    start = 0;
    while (start < left.length && ['DET', 'ADJ', 'NUM'].includes(left[start]!.pos)) start += 1;
    while (start < left.length && left[start]!.pos === 'PROPN' && left[start + 1]?.pos === 'PROPN') start += 1;
    if (start < left.length && NOMINAL.has(left[start]!.pos)) start += 1;
    // A possessive ("Russia's leaders") goes on to the noun it owns.
    if (left[start]?.pos === 'PART') {
      start += 1;
      while (start < left.length && left[start]!.pos === 'ADJ') start += 1;
      if (start < left.length && ['NOUN', 'PROPN'].includes(left[start]!.pos)) start += 1;
    }
  }
  const subject = left.slice(0, start);
  const first = left.slice(start);
  if (!subject.length || !first.length) return undefined;
  const modal = aux.text.toLowerCase();
  const state = (predicate: Token[], negate = false) => sentence(`${join(subject)} ${negate ? (NEGATED[modal] ?? `${modal} not`) : modal} ${join(predicate)}`);
  if (or < 0) return { choice: false, sides: [{ label: 'Yes', thesis: state(first) }, { label: 'No', thesis: state(first, true) }] };
  const right = rest.slice(or + 1);
  if (!right.length) return undefined;
  // "choose engagement or deterrence": the second option shares the first one's verb.
  const verbPhrase = right[0]!.pos === 'VERB' || right[0]!.pos === 'AUX';
  const objectAt = first.findIndex((t, i) => i > 0 && NOMINAL.has(t.pos));
  const second = verbPhrase ? resolveObjectPronoun(first, right) : objectAt < 0 ? right : [...first.slice(0, objectAt), ...right];
  return { choice: true, sides: [{ label: label(first), thesis: state(first) }, { label: label(second), thesis: state(second) }] };
}
