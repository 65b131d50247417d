import type { SentenceTagger, TaggedToken, TokenClass } from './sentence-tagger.js';

/** The kind of answer a factoid question asks for: the token classes that can state it, and the noun it is about. */
export interface ExpectedAnswer {
  /** Li & Roth's coarse classes, as the tags that can carry them: "how many" wants a number, "when" a date, "who" a name. */
  classes: TokenClass[];
  /** The head noun phrase's nouns the answer attaches to ("how many Soviet *technicians*", "the *chairman* of"); empty when none. */
  head: Array<{ word: string; stem: string }>;
}

const COUNT_NOUNS = /^(number|amount|rate|figure|size|sum|price|cost|total|count|population|percentage|share|proportion|fraction|percent|majority|margin|toll|budget|salary|wage|value|level|ratio|tonnage|yield)$/;
const TIME_NOUNS = /^(year|date|day|month|decade|time|century|week|night|morning|evening|season|hour|era|period)$/;
const MONEY = /^(money|cost|costs|pay|paid|spend|spent|charge|charged|worth|price|dollars?|budget|fund|funds|loan|owe|owed|debt)$/;
const WH = new Set(['who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'how']);

/** The head noun run after position `from`: adjectives, names and nouns up to the first other word, its nouns' stems. */
function nounRun(tokens: TaggedToken[], from: number): Array<{ word: string; stem: string }> {
  const run: TaggedToken[] = [];
  for (let i = from; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (t.pos === 'DET' && !run.length) continue;
    if (!['ADJ', 'NOUN', 'PROPN', 'NUM'].includes(t.pos) && !(t.pos === 'PART' && t.word === "'s")) break;
    run.push(t);
  }
  return run.filter((t) => t.pos === 'NOUN').map((t) => ({ word: t.word, stem: t.stem }));
}

/**
 * Reads what kind of answer a factoid question asks for from its wh-phrase and its part-of-speech tags: a count,
 * an amount of money, a share, a duration, a date, or a name (person, organisation, place); undefined for
 * questions answered in words (why, how, what happened, what did X say, yes-no).
 */
export function expectedAnswer(question: string, tagger: SentenceTagger): ExpectedAnswer | undefined {
  const tokens = tagger(question);
  const words = tokens.map((t) => t.word);
  const at = words.findIndex((w) => WH.has(w));
  if (at < 0) return undefined;
  const wh = words[at]!;
  const next = words[at + 1] ?? '';
  const money = words.some((w) => MONEY.test(w));
  if (wh === 'how') {
    if (next === 'many') return { classes: ['number'], head: nounRun(tokens, at + 2) };
    if (next === 'much') return { classes: money ? ['money', 'number'] : ['number', 'money', 'percent'], head: nounRun(tokens, at + 2) };
    if (next === 'long') return { classes: ['duration', 'date', 'number'], head: [] };
    if (/^(large|big|far|high|old|tall|fast|often|wide|deep|heavy|small|low)$/.test(next)) return { classes: ['number'], head: nounRun(tokens, at + 2) };
    return undefined;
  }
  if (wh === 'when') return { classes: ['date'], head: [] };
  if (wh === 'where') return { classes: ['name'], head: [] };
  if (wh === 'who' || wh === 'whom' || wh === 'whose') {
    // "Who is X?" asks what X is, in words; "Who was the chairman of …?" asks for a name.
    if (tokens[at + 1]?.pos !== 'AUX') return { classes: ['name'], head: [] };
    const after = tokens.slice(at + 2).find((t) => t.pos !== 'DET');
    if (!after || after.pos === 'PROPN' || after.pos === 'PRON') return undefined;
    // The tagger sometimes reads a bare role noun after a copula as a verb ("Who was chairman of …"): one word is the head then.
    const head = nounRun(tokens, at + 2);
    return { classes: ['name'], head: head.length ? head : [{ word: after.word, stem: after.stem }] };
  }
  // "what/which (DET)? N …": the noun says what is asked for; "what was the N of …" likewise.
  let from = at + 1;
  if (tokens[from]?.pos === 'AUX') from += 1;
  const head = nounRun(tokens, from);
  const last = head[head.length - 1]?.word;
  if (!last) return undefined;
  if (TIME_NOUNS.test(last.replace(/s$/, ''))) return { classes: ['date'], head: [] };
  if (COUNT_NOUNS.test(last)) return { classes: money || /^(price|cost|budget|salary|wage|value)$/.test(last) ? ['money', 'number'] : ['number', 'percent', 'money'], head };
  if (last === 'name') {
    const of = tokens.findIndex((t, i) => i > from && t.word === 'of');
    return { classes: ['name'], head: of > 0 ? nounRun(tokens, of + 1) : [] };
  }
  // "Which N …" names one of a kind (a country, an agency, a leader); "what N" of a common noun asks for a description.
  return wh === 'which' ? { classes: ['name'], head } : undefined;
}
