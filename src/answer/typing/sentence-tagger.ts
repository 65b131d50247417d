import { stemWord } from '../../text/tokenize-words.js';
import { foldText } from '../../text/fold-text.js';
import { winkEnglish } from '../../text/wink-english.js';

/** What a token can answer: a count or amount, money, a share, a date or time, a duration, or a name. */
export type TokenClass = 'number' | 'money' | 'percent' | 'date' | 'duration' | 'name';

/** A token of a tagged sentence: its folded word, stem, part of speech, and the classes of answer it can be part of. */
export interface TaggedToken { word: string; stem: string; pos: string; classes: TokenClass[] }

/** Tags a sentence's tokens; one instance per process. */
export type SentenceTagger = (text: string) => TaggedToken[];

// wink-nlp's entity types, as the classes of answer they can give.
const ENTITY_CLASSES: Record<string, TokenClass[]> = {
  CARDINAL: ['number'], MONEY: ['money', 'number'], PERCENT: ['percent', 'number'], DATE: ['date'], TIME: ['date'], DURATION: ['duration'], ORDINAL: [],
};
const YEAR = /^(1[0-9]{3}|20[0-9]{2})s?$/;
const CACHE_MAX = 100_000;

let instance: SentenceTagger | undefined;

/**
 * wink-nlp's English model as a tagger of answer classes: its number, money, percent, date, time and duration
 * entities, a four-digit year, a number word, and a run of proper nouns as a name. Loaded once, synchronously
 * (about 200 ms, so serving warms it up before the first question); tags are cached by sentence text.
 */
export function sentenceTagger(): SentenceTagger {
  if (instance) return instance;
  const nlp = winkEnglish();
  const its = nlp.its;
  const cache = new Map<string, TaggedToken[]>();
  instance = (text: string) => {
    const cached = cache.get(text);
    if (cached) return cached;
    const doc = nlp.readDoc(text);
    const tokens = doc.tokens();
    const values = tokens.out(its.value) as string[];
    const pos = tokens.out(its.pos) as string[];
    const classes: TokenClass[][] = values.map(() => []);
    doc.entities().each((entity: any) => {
      const [first, last] = entity.out(its.span) as [number, number];
      const type = entity.out(its.type) as string;
      for (let i = first; i <= last; i += 1) classes[i]!.push(...(ENTITY_CLASSES[type] ?? []));
    });
    const tagged = values.map((value, i) => {
      const word = foldText(value);
      const own = classes[i]!;
      // wink reads "his 1972 visit" as a cardinal: a four-digit year is a date whatever the entity says.
      if (pos[i] === 'NUM' && YEAR.test(word)) own.push('date');
      else if (pos[i] === 'NUM' && !own.length) own.push('number');
      if (pos[i] === 'PROPN') own.push('name');
      return { word, stem: stemWord(word), pos: pos[i]!, classes: [...new Set(own)] };
    });
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(text, tagged);
    return tagged;
  };
  return instance;
}
