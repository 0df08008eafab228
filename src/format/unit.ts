// Values with the units of the indicator catalogue (the `unit` enum of declare/schemas).
import type { Indicator } from "../declare/schemas";
import { formatNumber, formatSigned, NBSP, NNBSP, roundTo } from "./number";

export type Unit = Indicator["unit"];

/** Counts of people or things: compared by rank, never by ratio with France. */
export function isCountUnit(unit: string): boolean {
  return unit === "habitants" || unit === "nombre" || unit === "personnes";
}

/** Percentages: differences are read in points. */
export function isPercentUnit(unit: string): boolean {
  return unit === "%" || unit === "%/an";
}

/** French agreement: singular below 2 ("1,5 habitant"). */
function plural(n: number, decimals: number, one: string, many: string): string {
  return Math.abs(roundTo(n, decimals)) < 2 ? one : many;
}

/** The unit as written after a number, for axis labels and table headers. */
export function unitLabel(unit: string): string {
  if (unit === "%/an") return "% par an";
  // The catalogue writes "pour 10 000" with a plain space: French typography wants U+202F.
  return /\d \d/.test(unit) ? unit.replace(/(\d) (\d{3})/g, `$1${NNBSP}$2`) : unit;
}

/** 12.4 "%" 1 → "12,4 %" (U+00A0 before the unit). */
export function formatWithUnit(n: number, unit: string, decimals: number): string {
  const num = formatNumber(n, decimals);
  switch (unit) {
    case "nombre":
    case "indice":
      return num;
    case "%/an":
      // An annual growth rate reads with its sign.
      return `${formatSigned(n, decimals)}${NBSP}% par an`;
    case "habitants":
      return `${num}${NBSP}${plural(n, decimals, "habitant", "habitants")}`;
    case "personnes":
      return `${num}${NBSP}${plural(n, decimals, "personne", "personnes")}`;
    case "places pour 100":
      return `${num}${NBSP}${plural(n, decimals, "place", "places")} pour 100`;
    default:
      return `${num}${NBSP}${unitLabel(unit)}`;
  }
}
