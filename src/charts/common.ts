// Small pieces shared by the chart functions.
import * as Plot from "@observablehq/plot";
import { NBSP } from "../format/number";
import { escapeHtml } from "../format/text";
import { isShown, STATUS_TEXT } from "../format/value";
import type { Value } from "../model/types";
import { hatchDefs, renderPlot, type ChartMeta } from "./dom";
import { HATCH_INK, HIGHLIGHT, INK } from "./theme";

/** The chart's wrapper: an optional HTML legend above the SVG. */
export function wrap(kind: string, svg: string, legend = ""): string {
  return `<div class="pt-chart pt-chart--${escapeHtml(kind)}">${legend}${svg}</div>`;
}

/** "Nom : valeur" with the French no-break space before the colon. */
export const colon = (name: string, text: string) => `${name}${NBSP}: ${text}`;

/** What the values that cannot be drawn are: "secret statistique", "secret statistique ou non disponible". */
export function statusMessage(values: Value[]): string {
  const texts = [...new Set(values.filter((v) => !isShown(v)).map((v) => STATUS_TEXT[v.status === "ok" ? "missing" : v.status]))];
  return texts.join(" ou ");
}

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The hatch for secret values on white, id-prefixed per chart, and its legend swatch. */
export const secretHatch = (id: string) => ({ id: `${id}-hatch`, background: "#FFFFFF", ink: HATCH_INK });
export const SECRET_SWATCH = { kind: "hatch", background: "#FFFFFF", ink: HATCH_INK } as const;

/** Text written over a hatch: dark with a white halo. */
export const OVER_HATCH = { fill: INK, stroke: "#FFFFFF", strokeWidth: 5, paintOrder: "stroke" } as const;

/** When nothing can be drawn: a hatched frame that says why, never a blank chart. */
export function placeholderSvg(meta: ChartMeta, width: number, height: number, message: string): string {
  const hatch = secretHatch(meta.id);
  return renderPlot(
    {
      width,
      height,
      margin: 1,
      marks: [
        hatchDefs([hatch]),
        Plot.frame({ fill: `url(#${hatch.id})`, stroke: HATCH_INK }),
        Plot.text([capitalize(message)], { ...OVER_HATCH, frameAnchor: "middle", fontSize: 14, fontWeight: "bold", lineWidth: width / 9 }),
      ],
    },
    meta,
  );
}

/** Rows of the bar charts: the territory's name on its own line above the bar, so long EPCI names fit. */
export const ROW = { height: 42, barTop: 17, barBottom: 3 };
/** Offsets from the band's centre of the name line and of the bar's middle. */
const NAME_DY = 9 - ROW.height / 2;
export const BAR_DY = (ROW.barTop + ROW.height - ROW.barBottom) / 2 - ROW.height / 2;

/** Characters of a name that fit the chart's width (12 px text, bold for the EPCI). */
export const nameChars = (width: number) => Math.floor((width - 8) / 8);

/** The names above the bars: the EPCI bold in the highlight colour (Plot's font weight is not a channel). */
export function rowNames(rows: { key: string; name: string; epci: boolean }[]): Plot.Markish[] {
  return [true, false].map((epci) =>
    Plot.text(
      rows.filter((r) => r.epci === epci),
      { y: "key", text: "name", frameAnchor: "left", textAnchor: "start", dy: NAME_DY, fill: epci ? HIGHLIGHT : INK, fontWeight: epci ? "bold" : "normal" },
    ),
  );
}
