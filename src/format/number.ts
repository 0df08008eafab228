// French number typography: U+202F between thousands, decimal comma, real minus sign.
// Hand-rolled rather than Intl so the output does not depend on the ICU data of the machine.

/** Narrow no-break space: thousands separator. */
export const NNBSP = "\u202F";
/** No-break space: before %, ‰, €, units and the colon. */
export const NBSP = "\u00A0";
/** The typographic minus sign. */
export const MINUS = "\u2212";

/** Rounds half away from zero at `decimals`, avoiding binary artefacts such as 1.005 → 1.00. */
export function roundTo(n: number, decimals: number): number {
  const abs = Number(`${Math.round(Number(`${Math.abs(n)}e${decimals}`))}e-${decimals}`);
  return n < 0 && abs !== 0 ? -abs : abs;
}

/** 1234.5 → "1 234,5" (U+202F), −3 → "−3"; never "-0". */
export function formatNumber(n: number, decimals = 0): string {
  if (!Number.isFinite(n)) throw new Error(`nombre invalide : ${n}`);
  const r = roundTo(n, decimals);
  const [int, frac] = Math.abs(r).toFixed(decimals).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  return (r < 0 ? MINUS : "") + grouped + (frac ? `,${frac}` : "");
}

/** Same as formatNumber with an explicit sign: "+2,1", "−0,5", "0". */
export function formatSigned(n: number, decimals = 0): string {
  const r = roundTo(n, decimals);
  return (r > 0 ? "+" : "") + formatNumber(r, decimals);
}

/** Axis ticks: as many decimals as needed (at most 2), no trailing zeros. */
export function formatTick(n: number): string {
  // The fraction is always present here, so the match cannot reach into the integer part.
  return formatNumber(n, 2).replace(/,?0+$/, "");
}
