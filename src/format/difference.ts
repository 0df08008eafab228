// Signed differences: "+2,1 points", "−0,5 point" for percentages, the unit otherwise.
import { formatNumber, MINUS, NBSP, roundTo } from "./number";
import { formatWithUnit, isPercentUnit } from "./unit";

/** "2,1 points" / "1 point" (no sign): French singular below 2. */
export function formatPoints(n: number, decimals: number): string {
  const word = Math.abs(roundTo(n, decimals)) < 2 ? "point" : "points";
  return `${formatNumber(Math.abs(n), decimals)}${NBSP}${word}`;
}

/** EPCI minus reference with its sign: "+2,1 points", "−0,5 point", "+1 234 habitants". */
export function formatDifference(diff: number, unit: string, decimals: number): string {
  const r = roundTo(diff, decimals);
  const sign = r > 0 ? "+" : r < 0 ? MINUS : "";
  return sign + (isPercentUnit(unit) ? formatPoints(r, decimals) : formatWithUnit(Math.abs(r), unit, decimals));
}
