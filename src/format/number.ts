// French number typography: U+202F between thousands, decimal comma, real minus sign.
// Hand-rolled rather than Intl so the output does not depend on the ICU data of the machine.

/** Narrow no-break space: thousands separator. */
export const NNBSP = "\u202F";
/** No-break space: before %, ‰, €, units and the colon. */
export const NBSP = "\u00A0";
/** The typographic minus sign. */
export const MINUS = "\u2212";

const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** Rounds half away from zero at `decimals`, avoiding binary artefacts such as 1.005 → 1.00. */
export function roundTo(n: number, decimals: number): number {
  const pow = POW10[decimals];
  const scaled = Math.abs(n) * pow;
  // The product is off the decimal value by at most a few units in the last place: only near a half
  // can that change the rounding (1.005 × 100 = 100.49999…), and there the decimal text is shifted
  // instead, which is exact but ten times slower.
  const nearHalf = Math.abs(scaled - Math.floor(scaled) - 0.5) <= scaled * 1e-12 + 1e-12;
  const rounded = nearHalf ? Math.round(Number(`${Math.abs(n)}e${decimals}`)) : Math.round(scaled);
  const abs = rounded / pow; // as exact as parsing `${rounded}e-${decimals}`: both are correctly rounded
  return n < 0 && abs !== 0 ? -abs : abs;
}

/** 1234.5 → "1 234,5" (U+202F), −3 → "−3"; never "-0". */
export function formatNumber(n: number, decimals = 0): string {
  if (!Number.isFinite(n)) throw new Error(`nombre invalide : ${n}`);
  const r = roundTo(n, decimals);
  const fixed = Math.abs(r).toFixed(decimals);
  const int = decimals ? fixed.slice(0, -decimals - 1) : fixed;
  // Below 10 000 most of the time: no group to separate.
  const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP) : int;
  return (r < 0 ? MINUS : "") + grouped + (decimals ? `,${fixed.slice(-decimals)}` : "");
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
