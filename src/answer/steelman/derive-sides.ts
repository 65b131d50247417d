import type { CorpusSettings } from '../../corpus/corpus-settings.js';

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
 * Works out the two sides to argue: ones the question names ("A vs B", "whether A or B"), else the
 * corpus's default sides (corpus/wedge.yaml), else "yes" and "no" to the question itself.
 */
export function deriveSides(question: string, settings: CorpusSettings = {}): [SideSpec, SideSpec] {
  const core = stripSteelmanPrefix(question);
  const named = VERSUS.exec(core) ?? EITHER.exec(core);
  if (named?.[1] && named[2]) {
    const clean = (text: string) => text.replace(/[?.!]+$/, '').trim();
    return [{ label: clean(named[1]), thesis: clean(named[1]) }, { label: clean(named[2]), thesis: clean(named[2]) }];
  }
  const sides = settings.steelman?.sides;
  if (sides) return [{ ...sides[0] }, { ...sides[1] }];
  const proposition = core.replace(/\?+$/, '');
  return [
    { label: 'Yes', thesis: `Yes: ${proposition}.` },
    { label: 'No', thesis: `No, it cannot: ${proposition}.` },
  ];
}
