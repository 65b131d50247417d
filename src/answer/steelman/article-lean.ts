/** The one-sided binomial tail P(X ≥ k) for X ~ Binomial(n, 1/2). */
function tail(k: number, n: number): number {
  let sum = 0;
  let term = 0.5 ** n; // C(n, 0) / 2^n
  for (let i = 0; i <= n; i += 1) {
    if (i >= k) sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum;
}

// How unlikely an even-handed article must make its lean before wedge calls it one side's.
const ALPHA = 0.1;

/**
 * Which side an article argues, from how many of its sentences (or passages) argue each: 1 for the first side,
 * -1 for the second, 0 when the lean is not clear. Clear means a sign test rejects an even split at ALPHA
 * (one-sided): three of three is not enough, four of four is, five of six is not. So an article with a few mixed
 * sentences is not said to argue the other side.
 */
export function articleLean(first: number, second: number): 1 | -1 | 0 {
  const n = first + second;
  if (!n || first === second) return 0;
  return tail(Math.max(first, second), n) <= ALPHA ? (first > second ? 1 : -1) : 0;
}

/** Each article's lean (articleLean) from the signs of its sentences or passages: positive argues the first side, negative the second. */
export function articleLeans(signed: Iterable<{ docId: string; sign: number }>): Map<string, 1 | -1 | 0> {
  const tally = new Map<string, [number, number]>();
  for (const { docId, sign } of signed) {
    const counts = tally.get(docId) ?? [0, 0];
    if (sign > 0) counts[0] += 1;
    if (sign < 0) counts[1] += 1;
    tally.set(docId, counts);
  }
  return new Map([...tally].map(([docId, [first, second]]) => [docId, articleLean(first, second)]));
}
