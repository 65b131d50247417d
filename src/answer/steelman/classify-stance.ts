import { foldText } from '../../text/fold-text.js';

/** Which side a sentence supports: "pro" (the proposition can happen), "con" (it cannot), or neither. */
export type Stance = 'pro' | 'con' | 'neutral';

/**
 * Cue phrases of feasibility arguments ("can X happen?"), as regular expressions over folded text.
 * "con" cues argue it cannot (dependence, failure, impossibility); "pro" cues argue it can (cracks,
 * incentives, leverage). Written for debates of that shape, not for one article: see BENCHMARKS.md for
 * the measured accuracy on evals/stance.jsonl.
 */
const CON_CUES = [
  'unlikely', 'impossible', 'impractical', 'fail(s|ed|ure)?', 'flaw(s|ed)?', 'naive', 'illusion', 'miscalculation',
  'backfire', 'questionable', 'short-sighted', 'underestimat\\w*', 'unrealized', 'unrealised', 'no longer', 'not desperate',
  'cannot', "can't", 'could not', "couldn't", "won't", 'will not', 'would not', 'remains? low', 'remains? limited',
  'distrusts?', 'lifeline', 'indispensable', 'dependen(t|ce|cy)', 'depends on', 'relies( heavily)?', 'reliance',
  'necessary choice', 'inherent logic', 'no need for concern', 'not easy', 'temporary', 'conditional',
  'weaponi[sz]ed', 'reimposed', 'resolve to work together', 'deepen(ed|ing)?', 'closer together', 'double down',
  'friendly relations?', 'friendship', 'complementar\\w*', 'shared (strategic )?(goals?|interests|opposition|objectives)',
  'unassailable', 'foolish', 'stupid', 'negative impact', 'vassal', '(junior|young) partner', 'survival',
  '(vastly|markedly|fundamentally) different', 'multipolar', 'irreconcilable', 'not get close', 'long-term interests',
  'strategic partnership', 'interdependence', 'economic partner', 'financial backer', 'abandon the illusion',
];
const PRO_CUES = [
  'opportunity', 'could help', 'might help', 'utili[sz]e', 'areas of disagreement', 'concerns?', 'crack', 'distrust between',
  'reconsider', 'reassess', 'being tested', 'threaten', 'fears?', 'moderate its ties', 'realign\\w*', 'strategic flexibility',
  'incentives?', 'incentivi[sz]ed', 'alarming', 'disputed territor\\w*', 'un-unite', 'reconcil\\w*', 'pivot away',
  'distances? itself', 'vulnerabilit\\w*', 'push russia further', 'weaken (this|the|their) (partnership|alliance)',
  'drive a wedge', 'cleft', 'wean', 'tensions between',
];
const NEGATORS = /\b(not|no|never|without|hardly)\b|n't\b/;
const CONTRAST = /\b(but|yet|however|nonetheless|nevertheless)\b/;

const compile = (cues: string[]) => cues.map((cue) => new RegExp(`(?<![\\w-])${cue}(?![\\w-])`, 'g'));
const con = compile(CON_CUES);
const pro = compile(PRO_CUES);
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

/** Classifies a sentence's stance on a "can it happen?" proposition from its cue phrases, negation-aware. */
export function classifyStance(sentence: string): { stance: Stance; score: number } {
  const text = foldText(sentence);
  let score = 0;
  for (const cue of weigh(text, pro)) score += cue.negated ? -cue.weight : cue.weight;
  for (const cue of weigh(text, con)) score += cue.negated ? cue.weight : -cue.weight;
  return { stance: score > 0 ? 'pro' : score < 0 ? 'con' : 'neutral', score };
}
