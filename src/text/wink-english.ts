import { createRequire } from 'node:module';
import path from 'node:path';

/** wink-nlp with its English model: `readDoc` and the `its` property helpers (typed loosely, as wink ships no types we use). */
export interface WinkEnglish { readDoc: (text: string) => any; its: any }

type Cache = { lookup: (text: string) => number[] | null; intrinsicSize: () => number };
type DocData = { _addTokenIfInCache: (text: string, ...rest: unknown[]) => number; isLexeme: (text: string) => number[] | null };

let instance: WinkEnglish | undefined;

/**
 * The one wink-nlp instance of the process, loaded synchronously on first use (about 200 ms). wink's tokenizer
 * looks a word up in a lexicon that grows with every unknown word it reads, so the same sentence could be split
 * differently after others had been read ("country's" in "the country's earliest" is two tokens, or one once "It is the
 * country's." has been read): tags, and so answers, depended on what had been asked before. Its lookups are
 * limited to the model's own lexicon, so every text is tokenised as a fresh instance would.
 */
export function winkEnglish(): WinkEnglish {
  if (instance) return instance;
  const require = createRequire(import.meta.url);
  // The tokenizer asks a document's data wrapper (src/dd-wrapper.js) whether a word is known; the wrapper must be in
  // place before wink-nlp itself is loaded. wink's own feature code still sees every word it has learnt.
  const wrapperFile = path.join(path.dirname(require.resolve('wink-nlp')), 'dd-wrapper.js');
  const wrap = require(wrapperFile) as (data: { cache: Cache }) => DocData;
  const UNKNOWN = 0;
  require.cache[wrapperFile]!.exports = (data: { cache: Cache }) => {
    const wrapped = wrap(data);
    const { cache } = data;
    const known = cache.intrinsicSize();
    // A word wink learnt while reading (an index past its own lexicon) counts as unseen.
    const learnt = (text: string) => {
      const found = cache.lookup(text);
      return found !== null && found.length === 1 && found[0]! >= known;
    };
    const addIfKnown = wrapped._addTokenIfInCache;
    const isLexeme = wrapped.isLexeme;
    wrapped._addTokenIfInCache = (text, ...rest) => (learnt(text) ? UNKNOWN : addIfKnown(text, ...rest));
    wrapped.isLexeme = (text) => (learnt(text) ? null : isLexeme(text));
    return wrapped;
  };
  const winkNLP = require('wink-nlp') as (model: unknown) => WinkEnglish;
  const nlp = winkNLP(require('wink-eng-lite-web-model'));
  instance = { readDoc: (text) => nlp.readDoc(text), its: nlp.its };
  return instance;
}
