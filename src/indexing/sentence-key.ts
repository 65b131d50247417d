/** How a sentence's stored vector is keyed in a build: its article and its character span. */
export function sentenceKey(docId: string, start: number, end: number): string {
  return `${docId}:${start}:${end}`;
}
