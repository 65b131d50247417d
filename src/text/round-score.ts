// Below this magnitude a product by 10^4 is off its exact value by under 10^-7, well inside the tie band below.
const EXACT_BELOW = 1e9;
const TIE_BAND = 1e-6;

/**
 * A score rounded to four decimals, exactly as `Number(x.toFixed(4))` rounds it, without building the string: one
 * multiplication and Math.round give the same digits except within a hair of a tie (or for huge values), where
 * toFixed's exact decimal decides. Scores are rounded on every sentence of every passage retrieved, where toFixed
 * was a twentieth of a search.
 */
export function roundScore(x: number): number {
  // toFixed writes -0 as "0.0000".
  if (x === 0) return 0;
  const scaled = x * 10000;
  if (!(Math.abs(scaled) < EXACT_BELOW) || Math.abs(scaled - Math.floor(scaled) - 0.5) < TIE_BAND) return Number(x.toFixed(4));
  return Math.round(scaled) / 10000;
}
