import { foldText } from '../../text/fold-text.js';

// Verbs that report what someone said or thinks.
const REPORTING = 'says|said|say|argues|argued|argue|believes|believed|believe|writes|wrote|write|notes|noted|warns|warned|claims|claimed|thinks|thought|told|tells|contends|contended|insists|insisted|suggests|suggested|asserts|asserted|states|stated|observes|observed|explains|explained|maintains|maintained|concludes|concluded|added|adds|stresses|stressed|points out|pointed out|predicts|predicted|fears|feared|hopes|hoped|recalls|recalled|acknowledges|acknowledged|admits|admitted|calls|called|describes|described|declares|declared|announced|announces|urged|urges|accused|accuses';
const NAME = "\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|de|van|von|bin|al))*";
// "Paulsen argues", "Jin Canrong, a professor, says", "…, says Paulsen", "according to Paulsen", "in Paulsen's view".
const SPEAKER_PATTERNS = [
  new RegExp(`(${NAME})(?:\\s*,[^,]{1,80},)?\\s+(?:has\\s+|had\\s+|have\\s+|once\\s+|also\\s+)?(?:${REPORTING})\\b`, 'gu'),
  new RegExp(`[,”"]\\s*(?:${REPORTING})\\s+(${NAME})`, 'gu'),
  new RegExp(`\\b(?:according to|in the view of|in the words of)\\s+(${NAME})`, 'giu'),
  new RegExp(`\\b[Ii]n\\s+(${NAME})[’']s\\s+(?:view|words|opinion|telling|account)`, 'gu'),
];
const NOT_A_NAME = new Set(['it', 'this', 'that', 'he', 'she', 'they', 'we', 'i', 'the', 'a', 'an', 'some', 'many', 'critics', 'experts', 'analysts', 'but', 'and', 'yet', 'however', 'moreover', 'in', 'as']);

/** The words of the names a text credits with a statement or a view ("Jin Canrong says" → jin, canrong). */
export function speakersOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const pattern of SPEAKER_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      for (const word of foldText(match[1]!).replace(/[’']s$/, '').split(/\s+/)) {
        const bare = word.replace(/[.,'’]+$/, '');
        if (bare && !NOT_A_NAME.has(bare)) words.add(bare);
      }
    }
  }
  return words;
}

/**
 * A statement credited to someone else: the claim names who said it ("Sun says …") and the source
 * names someone else ("Paulsen says …"). A source that credits no one cannot contradict the claim here.
 */
export function changedAttribution(claim: string, source: string): string | undefined {
  const said = speakersOf(claim);
  if (!said.size) return undefined;
  const inSource = speakersOf(source);
  if (!inSource.size || [...said].some((word) => inSource.has(word))) return undefined;
  return `the claim credits “${[...said].join(' ')}” where the source credits “${[...inSource].join(' ')}”`;
}
