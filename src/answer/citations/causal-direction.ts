import type { Alignment } from './align-terms.js';
import type { JudgedText } from './judge-terms.js';

// Connectives with the cause before them ("A led to B") and with the cause after them ("B because of A").
const FORWARD = ['led to', 'leads to', 'lead to', 'leading to', 'caused', 'causes', 'cause', 'resulted in', 'results in', 'result in', 'drove', 'drives', 'drive', 'pushed', 'pushes', 'triggered', 'triggers', 'prompted', 'prompts', 'produced', 'produces', 'forced', 'forces', 'so that', 'therefore', 'thus', 'hence', 'gave rise to', 'given rise to', 'give rise to', 'gives rise to', 'brought about', 'brought', 'brings', 'contributed to', 'contributes to', 'fuelled', 'fueled', 'spurred', 'sparked', 'encourages', 'encouraged', 'encourage'];
const BACKWARD = ['because of', 'because', 'due to', 'owing to', 'thanks to', 'as a result of', 'as a consequence of', 'caused by', 'driven by', 'pushed by', 'triggered by', 'prompted by', 'forced by', 'stems from', 'stemmed from', 'stem from', 'results from', 'resulted from', 'result of', 'consequence of', 'follows from', 'arises from', 'exacerbated by', 'fuelled by', 'fueled by', 'spurred by', 'sparked by', 'brought about by', 'in response to', 'in reaction to'];
const CUES = [...FORWARD.map((cue) => ({ cue: cue.split(' '), forward: true })), ...BACKWARD.map((cue) => ({ cue: cue.split(' '), forward: false }))]
  .sort((a, b) => b.cue.length - a.cue.length);

/** The token span of the first causal connective, and whether the cause comes before it. */
function findCue(tokens: string[]): { at: number; length: number; forward: boolean } | undefined {
  for (let i = 0; i < tokens.length; i += 1) {
    for (const { cue, forward } of CUES) {
      if (cue.every((word, k) => tokens[i + k] === word)) return { at: i, length: cue.length, forward };
    }
  }
  return undefined;
}

/** Stems on the cause side and on the effect side of a text's causal connective. */
function causeAndEffect(text: JudgedText, stemOf: (stem: string) => string) {
  const cue = findCue(text.tokens);
  if (!cue || cue.at === 0) return undefined;
  const before = new Set(text.terms.filter((t) => t.at < cue.at).map((t) => stemOf(t.stem)));
  const after = new Set(text.terms.filter((t) => t.at >= cue.at + cue.length).map((t) => stemOf(t.stem)));
  return cue.forward ? { cause: before, effect: after } : { cause: after, effect: before };
}

const shared = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length;

/**
 * Cause and effect reversed: "sanctions drove Russia to China" against "Russia's turn to China drove the
 * sanctions", or "A because of B" against "B because of A". Both texts must state a direction; the claim's
 * cause words must sit on the source's effect side, and its effect words on the cause side.
 */
export function reversedCause(claim: JudgedText, source: JudgedText, alignments: Alignment[]): string | undefined {
  const toSource = new Map(alignments.flatMap(({ term, to }) => (to ? [[term.stem, to.stem] as const] : [])));
  const inClaim = causeAndEffect(claim, (stem) => toSource.get(stem) ?? stem);
  const inSource = causeAndEffect(source, (stem) => stem);
  if (!inClaim || !inSource) return undefined;
  const kept = shared(inClaim.cause, inSource.cause) + shared(inClaim.effect, inSource.effect);
  const crossed = shared(inClaim.cause, inSource.effect) + shared(inClaim.effect, inSource.cause);
  return crossed >= 2 && crossed > kept ? 'cause and effect are the other way round in the source' : undefined;
}
