import { stemWord } from './tokenize-words.js';

// News prose names a state by its capital, its seat of power or its people as often as by its name:
// "Moscow", "the Kremlin" and "Russian" all stand for Russia. One row per state (or bloc), folded words.
const GROUPS: string[][] = [
  ['russia', 'russian', 'russians', 'moscow', 'kremlin'],
  ['china', 'chinese', 'beijing', 'peking', 'sino', 'prc'],
  ['us', 'u.s', 'usa', 'america', 'american', 'americans', 'washington'],
  ['ussr', 'soviet', 'soviets'],
  ['ukraine', 'ukrainian', 'ukrainians', 'kyiv', 'kiev'],
  ['india', 'indian', 'indians', 'delhi'],
  ['iran', 'iranian', 'iranians', 'tehran'],
  ['taiwan', 'taiwanese', 'taipei'],
  ['japan', 'japanese', 'tokyo'],
  ['uk', 'britain', 'british', 'london'],
  ['france', 'french', 'paris'],
  ['germany', 'german', 'germans', 'berlin'],
  ['poland', 'poles', 'warsaw'],
  ['europe', 'european', 'europeans', 'brussels'],
  ['turkish', 'ankara', 'turkiye'],
  ['israel', 'israeli', 'israelis', 'jerusalem'],
  ['syria', 'syrian', 'damascus'],
  ['pakistan', 'pakistani', 'islamabad'],
  ['brazil', 'brazilian', 'brasilia'],
  ['vietnam', 'vietnamese', 'hanoi'],
  ['belarus', 'belarusian', 'minsk'],
  ['kazakhstan', 'kazakh', 'astana'],
  ['egypt', 'egyptian', 'cairo'],
  ['canada', 'canadian', 'ottawa'],
  ['mexico', 'mexican'],
  ['australia', 'australian', 'canberra'],
];

// Built once: sentence scoring asks for every query term of every question.
const NONE: readonly string[] = [];
const aliasesOfStem = new Map<string, readonly string[]>();
const aliasesOfWord = new Map<string, readonly string[]>();
for (const group of GROUPS) {
  const stems = [...new Set(group.map((word) => stemWord(word)))];
  for (const stem of stems) aliasesOfStem.set(stem, stems.filter((other) => other !== stem));
  for (const word of group) aliasesOfWord.set(word, group.filter((other) => other !== word));
}

/** Stems that name the same state as this stem ("moscow" → "russia", "russian", "kremlin"), itself excluded. */
export function entityAliases(stem: string): readonly string[] {
  return aliasesOfStem.get(stem) ?? NONE;
}

/** Folded words that name the same state as this folded word ("delhi" → "india", …), itself excluded. */
export function entityAliasWords(word: string): readonly string[] {
  return aliasesOfWord.get(word) ?? NONE;
}
