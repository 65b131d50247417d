import type { Hit } from '../../retrieval/hit.js';
import type { DocLookup } from '../evidence.js';
import { scoreSupport, type SupportOptions, type SupportScore } from './score-support.js';

const RUN_PENALTY = 0.05;

/** A claim's best source sentence (or two adjacent sentences) among the passages it cites. */
export interface VerifiedSource { hit: Hit; start: number; end: number; support: SupportScore }

/**
 * Finds, within the passages a claim cites, the sentence or run of two sentences that supports it
 * best. The quote shown to users is that source text, never the model's wording.
 */
export function verifyClaim(claim: string, cited: Hit[], docs: DocLookup, options: SupportOptions = {}): VerifiedSource | undefined {
  let best: VerifiedSource | undefined;
  let bestAdjusted = -Infinity;
  for (const hit of cited) {
    const body = docs(hit.docId)?.body;
    if (!body) continue;
    const spans = hit.sentences.flatMap((s, i) => {
      const next = hit.sentences[i + 1];
      return next ? [{ start: s.start, end: s.end }, { start: s.start, end: next.end }] : [{ start: s.start, end: s.end }];
    });
    for (const span of spans) {
      const support = scoreSupport(claim, body.slice(span.start, span.end), options);
      // A two-sentence run must earn its length: it needs a clearly better score than one sentence.
      const adjusted = support.score - (span.end - span.start > hit.sentences.find((x) => x.start === span.start)!.end - span.start ? RUN_PENALTY : 0);
      if (!best || adjusted > bestAdjusted) {
        best = { hit, start: span.start, end: span.end, support };
        bestAdjusted = adjusted;
      }
    }
  }
  return best;
}
