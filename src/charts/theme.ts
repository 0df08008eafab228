// Colours and sizes. Colour-blind-safe (Okabe-Ito, ColorBrewer Blues), and readable in black and white:
// the EPCI is dark and bold, references light with a dark outline, classes ordered by lightness.

/** The EPCI: dark blue, 7.4:1 on white (text AA), far darker than the references in grey print. */
export const HIGHLIGHT = "#005A8C";
/** References: light fill (L* 81) with an outline of 5.1:1 so the bar edge stays visible. */
export const REFERENCE_FILL = "#C8C8C8";
export const REFERENCE_STROKE = "#6E6E6E";
export const INK = "#1A1A1A";
/** Secondary text, 7:1 on white. */
export const MUTED_INK = "#595959";
/** Hatch lines for secret values and unsigned agreements: 4.5:1 on white, light enough to write over. */
export const HATCH_INK = "#767676";
/** Missing values: lighter than every colour class. */
export const MISSING_FILL = "#E8E8E8";
/** Other EPCIs of the département on the locator map. */
export const CONTEXT_FILL = "#D9D9D9";
/** Signed EPCIs on the map of the whole département: light, so the numbers written on them read well. */
export const OVERVIEW_FILL = "#9ECAE1";

/** Parts of a whole (Okabe-Ito), alternating dark and light so neighbours differ in grey print too
    (relative luminance .09, .42, .22, .74, .26, .41, .29: orange and sky blue, equal in grey, never touch). */
export const PARTS = ["#005A8C", "#E69F00", "#D55E00", "#F0E442", "#009E73", "#56B4E9", "#CC79A7"];

/** Age pyramid: men (Okabe-Ito blue, 5.2:1) and women (vermilion, 3.9:1); the side also tells them apart. */
export const MEN = "#0072B2";
export const WOMEN = "#D55E00";

/** Choropleth classes, light to dark (ColorBrewer Blues 7, the five darkest: the lightest stays darker than MISSING_FILL). */
export const SEQUENTIAL = ["#9ECAE1", "#6BAED6", "#4292C6", "#2171B5", "#084594"];

/** Line dashes of the reference levels in the evolution chart (the EPCI is solid and thick). */
export const DASHES: Record<string, string> = {
  group: "8,3",
  departement: "4,3",
  region: "1.5,2.5",
  france: "7,2,1.5,2",
};

/** Chart text size in px; charts use the page's font so print and screen match. */
export const FONT_SIZE = 12;

/** A4 half column and full text width. */
export const HALF_WIDTH = 330;
export const FULL_WIDTH = 700;

export const chartWidth = (wide?: boolean) => (wide ? FULL_WIDTH : HALF_WIDTH);

/** Relative luminance (WCAG). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever contrasts more with the fill: for labels drawn inside bars and slices. */
export function textOn(fill: string): string {
  const l = luminance(fill);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#FFFFFF";
}
