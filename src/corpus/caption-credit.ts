import { CAPTION_CREDIT } from './chrome-rules.js';

// Where a credit that CAPTION_CREDIT found only the tail of ("… wiki/File:x.jpg") begins: after the caption's last
// full stop, or at a separator sites print before a credit ("/ cc …", "(Photo: …)", "| AFP", "– Reuters").
const SENTENCE_STOP = /[.!?…]["'”’)\]]*(?=\s)/g;
const SEPARATOR = /(?:^|\s+)(?:\/|\||–|—|-)\s+|\s*\(/g;

/** Where the last match of a pattern before `before` starts, and where the text before the credit ends with it. */
function lastBoundary(pattern: RegExp, text: string, before: number, keep: boolean): number {
  let found = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m && m.index < before; m = pattern.exec(text)) found = keep ? m.index + m[0].length : m.index;
  return found;
}

/**
 * How much of a caption's text is its own, before the photo credit it ends with ("Putin and Xi at tea in Beijing.
 * / cc kremlin.ru, modified, https://…" → up to "Beijing."): the credit starts at the later of the caption's last
 * full stop and the last separator before what CAPTION_CREDIT matched. The whole length when no credit is found;
 * 0 when all of it is credit.
 */
export function captionTextLength(text: string): number {
  const credit = CAPTION_CREDIT.exec(text);
  if (!credit) return text.length;
  const end = Math.max(lastBoundary(SENTENCE_STOP, text, credit.index, true), lastBoundary(SEPARATOR, text, credit.index + 1, false));
  return text.slice(0, end < 0 ? credit.index : end).trimEnd().length;
}
