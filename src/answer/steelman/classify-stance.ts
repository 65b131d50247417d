import { BoundedCache } from '../../indexing/bounded-cache.js';
import { foldText } from '../../text/fold-text.js';

/** Which side a sentence supports: "pro" (the proposition can happen), "con" (it cannot), or neither. */
export type Stance = 'pro' | 'con' | 'neutral';

/**
 * Cue phrases of feasibility arguments about any "can X happen?" proposition, as regular expressions over
 * folded text: "con" cues say it cannot (impossibility, failure, flawed premises), "pro" cues say it can
 * (opportunity, incentives, reconsidering). General English only: cues that depend on what the debate is
 * about (for this corpus, that closeness between two states argues against a split) belong to the corpus, in
 * `wedge.yaml` under `steelman.cues`, and are passed in. Measured accuracy: BENCHMARKS.md.
 */
const CON_CUES = [
  'unlikely', 'impossible', 'impractical', 'fail(s|ed|ure)?', 'flaw(s|ed)?', 'naive', 'illusion', 'miscalculation',
  'backfire', 'questionable', 'short-sighted', 'underestimat\\w*', 'unrealized', 'unrealised', 'no longer',
  'cannot', "can't", 'could not', "couldn't", "won't", 'will not', 'would not', 'remains? low', 'remains? limited',
  'temporary', 'conditional', 'foolish', 'stupid', 'negative impact', 'irreconcilable', 'not easy',
  '(vastly|markedly|fundamentally) different', 'no need for concern', 'abandon the illusion',
];
const PRO_CUES = [
  'opportunity', 'could help', 'might help', 'utili[sz]e', 'reconsider', 'reassess', 'being tested', 'threaten',
  'incentives?', 'incentivi[sz]ed', 'alarming', 'vulnerabilit\\w*', 'strategic flexibility', 'concerns?', 'fears?',
];
const NEGATORS = /\b(not|no|never|without|hardly)\b|n't\b/;
const CONTRAST = /\b(but|yet|however|nonetheless|nevertheless)\b/;

const compile = (cues: readonly string[]) => cues.map((cue) => new RegExp(`(?<![\\w-])${cue}(?![\\w-])`, 'g'));
const con = compile(CON_CUES);
const pro = compile(PRO_CUES);

/** Cue phrases a corpus adds for its own debate (`wedge.yaml`: steelman.cues), as regular-expression sources over folded text. */
export interface StanceCues { pro?: readonly string[]; con?: readonly string[] }

const compiled = new WeakMap<StanceCues, { pro: RegExp[]; con: RegExp[] }>();
function cuesOf(extra?: StanceCues): { pro: RegExp[]; con: RegExp[] } {
  if (!extra) return { pro, con };
  let entry = compiled.get(extra);
  if (!entry) compiled.set(extra, (entry = { pro: [...pro, ...compile(extra.pro ?? [])], con: [...con, ...compile(extra.con ?? [])] }));
  return entry;
}
const hasOwnNegation = /^(no |not |cannot|can't|could not|couldn't|won't|will not|would not|never)/;

function weigh(text: string, patterns: RegExp[]): Array<{ index: number; weight: number; negated: boolean }> {
  const found: Array<{ index: number; weight: number; negated: boolean }> = [];
  const contrastAt = CONTRAST.exec(text)?.index ?? -1;
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const before = text.slice(Math.max(0, match.index - 28), match.index);
      const negated = !hasOwnNegation.test(match[0]) && NEGATORS.test(before);
      // After "but"/"however" comes the writer's own point; it outweighs the concession before it.
      const weight = contrastAt >= 0 && match.index > contrastAt ? 1.5 : 1;
      found.push({ index: match.index, weight, negated });
    }
  }
  return found;
}

// A verdict is a function of the sentence and the cues alone, and a steelman answer classifies the same corpus
// sentences several times (each passage's, then the pooled evidence's, across questions too): kept per cue set.
const VERDICTS = 20_000;
type Verdict = { stance: Stance; score: number };
const general = new BoundedCache<string, Verdict>(VERDICTS, () => 1);
const byCues = new WeakMap<StanceCues, BoundedCache<string, Verdict>>();

/** Classifies a sentence's stance on a "can it happen?" proposition from its cue phrases (general ones and the corpus's own), negation-aware. */
export function classifyStance(sentence: string, extra?: StanceCues): Readonly<Verdict> {
  let cache = extra ? byCues.get(extra) : general;
  if (!cache) byCues.set(extra!, (cache = new BoundedCache<string, Verdict>(VERDICTS, () => 1)));
  return cache.get(sentence, () => judge(sentence, extra));
}

function judge(sentence: string, extra?: StanceCues): Verdict {
  const text = foldText(sentence);
  const cues = cuesOf(extra);
  let score = 0;
  for (const cue of weigh(text, cues.pro)) score += cue.negated ? -cue.weight : cue.weight;
  for (const cue of weigh(text, cues.con)) score += cue.negated ? cue.weight : -cue.weight;
  return { stance: score > 0 ? 'pro' : score < 0 ? 'con' : 'neutral', score };
}
