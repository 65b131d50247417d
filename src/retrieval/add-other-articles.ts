/**
 * The top picks of a ranking, then the best-ranked item of each article missing from them (up to
 * `extra`), so a question that matches one article's title still hears the other articles, and
 * nothing already picked is given up for them. An item already picked is from a present article,
 * so it is never added twice.
 */
export function addOtherArticles<T>(top: T[], ranked: T[], docOf: (item: T) => string, extra = 0): T[] {
  const out = [...top];
  const present = new Set(top.map(docOf));
  for (const item of ranked) {
    if (out.length >= top.length + extra) break;
    if (present.has(docOf(item))) continue;
    present.add(docOf(item));
    out.push(item);
  }
  return out;
}
