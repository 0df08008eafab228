// Small pieces shared by the chart functions.
import * as Plot from "@observablehq/plot";
import { NBSP } from "../format/number";
import { escapeHtml } from "../format/text";
import { isShown, STATUS_TEXT } from "../format/value";
import type { Value } from "../model/types";
import { hatchDefs, renderPlot, type ChartMeta } from "./dom";
import { FONT_SIZE, HATCH_INK, HIGHLIGHT, INK } from "./theme";

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

/** DejaVu Sans advance widths in em (regular, bold), measured in Chromium, each group at its widest
    character: an estimate on the wide side (kerning only narrows a line) to tell whether a name fits. */
const ADVANCES: [string, number, number][] = [
  ["'ijlîïIJÎÏ", 0.3, 0.372],
  [" \u00A0.,’;:/f", 0.344, 0.405],
  ["-()rt!", 0.401, 0.493],
  ["–szcç?", 0.545, 0.595],
  ["Lkvxyÿeéèêë", 0.603, 0.678],
  ["FoôöTPYŸ", 0.611, 0.733],
  ["aàâäEÉÈÊËS0123456789€", 0.636, 0.696],
  ["hnuùûübdgpq", 0.635, 0.716],
  ["wMmÆæW%—…+", 1.0, 1.103],
  ["œŒ", 1.07, 1.167],
  ["‰", 1.342, 1.44],
];
const EM = new Map(ADVANCES.flatMap(([chars, regular, bold]) => [...chars].map((ch) => [ch, [regular, bold]] as const)));
/** Any other character: as wide as the widest capitals (O, Q, &). */
const OTHER = [0.787, 0.872] as const;

/** Estimated width in px of a line of chart text (FONT_SIZE, the page's DejaVu Sans). */
export function textWidth(text: string, bold = false): number {
  let em = 0;
  for (const ch of text) em += (EM.get(ch) ?? OTHER)[bold ? 1 : 0];
  return em * FONT_SIZE;
}

/** A territory's name whole if it fits `room` px, else cut with an ellipsis where it fits. */
export function fitName(name: string, room: number, bold: boolean): string {
  const chars = Array.from(name.trim());
  const cut = (n: number) => (n < chars.length ? `${chars.slice(0, n).join("").trimEnd()}…` : chars.join(""));
  let n = chars.length;
  while (n > 1 && textWidth(cut(n), bold) > room) n--;
  return cut(n);
}

/** The names above the bars: the EPCI bold in the highlight colour (Plot's font weight is not a channel). */
export function rowNames(rows: { key: string; name: string; epci: boolean }[]): Plot.Markish[] {
  return [true, false].map((epci) =>
    Plot.text(
      rows.filter((r) => r.epci === epci),
      { y: "key", text: "name", frameAnchor: "left", textAnchor: "start", dy: NAME_DY, fill: epci ? HIGHLIGHT : INK, fontWeight: epci ? "bold" : "normal" },
    ),
  );
}
