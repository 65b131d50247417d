/** A citation marker as chat models write them: `[1]`, `[1, 2]`, `[1-3]`, `[^1]`. */
export const MARKER = /\[\^?\d+(?:\s*[-–,]\s*\^?\d+)*\]/g;

// A range past this many numbers is a typo or an attack, not a citation list.
const MAX_RANGE = 50;

/** The citation numbers one marker names, ranges expanded: `[1-3]` → 1, 2, 3; `[^2, 4]` → 2, 4. */
export function markerNumbers(marker: string): number[] {
  const numbers: number[] = [];
  for (const part of marker.slice(1, -1).split(',')) {
    const [from, to] = part.split(/[-–]/).map((n) => Number(n.replace(/[^\d]/g, '')));
    if (to === undefined || to < from! || to - from! > MAX_RANGE) numbers.push(from!);
    else for (let n = from!; n <= to; n += 1) numbers.push(n);
  }
  return numbers;
}

/** A text with its markers taken out, and where each marker stood in the text that is left. */
export interface Unmarked { text: string; markers: Array<{ at: number; numbers: number[] }> }

/** Removes markers (and the space before each) and remembers their positions, so sentences can be cut from clean text. */
export function removeMarkers(line: string): Unmarked {
  const markers: Unmarked['markers'] = [];
  let text = '';
  let last = 0;
  for (const match of line.matchAll(MARKER)) {
    text += line.slice(last, match.index).replace(/\s+$/, '');
    markers.push({ at: text.length, numbers: markerNumbers(match[0]) });
    last = match.index + match[0].length;
  }
  text += line.slice(last);
  return { text, markers };
}
