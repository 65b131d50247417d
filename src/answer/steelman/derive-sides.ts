import type { CorpusSettings } from '../../corpus/corpus-settings.js';
import { questionTheses } from './question-theses.js';

/** A side to argue: a short label and the thesis that is searched for. */
export interface SideSpec { label: string; thesis: string }

const STEELMAN_PREFIX = /^\s*(please\s+)?(steel\s*-?\s*man|argue|give me)(\s+(both|each|the two)\s+sides?)?\s*(of|on|for)?\s*[:,-]?\s*/i;
const VERSUS = /^(.*?)\s+(?:vs\.?|versus)\s+(.*?)\??$/i;
const EITHER = /\b(?:whether|between)\s+(.*?)\s+(?:or|and)\s+(.*?)\??$/i;

/** The question without a "steelman both sides:" prefix. */
export function stripSteelmanPrefix(question: string): string {
  return question.replace(STEELMAN_PREFIX, '').trim() || question.trim();
}

/**
 * Works out the two sides to argue: ones the question names ("A vs B", "whether A or B", "Should X do A or B?",
 * the last read from its grammar), else the corpus's default sides (corpus/wedge.yaml), else the question's
 * thesis and its negation as sentences ("Can X do A?": "X can do A." / "X cannot do A.").
 */
export async function deriveSides(question: string, settings: CorpusSettings = {}): Promise<[SideSpec, SideSpec]> {
  const core = stripSteelmanPrefix(question);
  const named = VERSUS.exec(core) ?? EITHER.exec(core);
  if (named?.[1] && named[2]) {
    const clean = (text: string) => text.replace(/[?.!]+$/, '').trim();
    return [{ label: clean(named[1]), thesis: clean(named[1]) }, { label: clean(named[2]), thesis: clean(named[2]) }];
  }
  const parsed = await questionTheses(core);
  if (parsed?.choice) return parsed.sides;
  const sides = settings.steelman?.sides;
  if (sides) return [{ ...sides[0] }, { ...sides[1] }];
  if (parsed) return parsed.sides;
  const proposition = core.replace(/\?+$/, '');
  return [
    { label: 'Yes', thesis: `Yes: ${proposition}.` },
    { label: 'No', thesis: `No, it cannot: ${proposition}.` },
  ];
}
