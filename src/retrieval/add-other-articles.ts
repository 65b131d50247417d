/**
 * The top k of a ranking, then the best-ranked item of each article missing from it (up to `extra`),
 * so a question that matches one article's title still hears the other articles, and nothing the
 * ranking put in the top k is given up for them.
 */
export function addOtherArticles<T>(ranked: T[], k: number, docOf: (item: T) => string, extra = 0): T[] {
  const top = ranked.slice(0, k);
  const present = new Set(top.map(docOf));
  for (const item of ranked.slice(k)) {
    if (top.length >= k + extra) break;
    if (present.has(docOf(item))) continue;
    present.add(docOf(item));
    top.push(item);
  }
  return top;
}
