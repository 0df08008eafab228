// One indicator, one horizontal bar per territory: the EPCI dark and bold, the references light.
// A value that cannot be drawn gets a hatched band saying why, never a zero-length bar.
import * as Plot from "@observablehq/plot";
import { formatValue, isShown } from "../format/value";
import { BAR_DY, capitalize, colon, fitName, OVER_HATCH, placeholderSvg, ROW, rowNames, secretHatch, statusMessage, textWidth, wrap } from "./common";
import { chartId, hatchDefs, renderPlot } from "./dom";
import { cellText } from "./table";
import { chartWidth, HIGHLIGHT, INK, REFERENCE_FILL, REFERENCE_STROKE } from "./theme";
import type { ChartOptions, ChartOutput, Measure, TerritoryValue } from "./types";

export interface ComparisonBarsInput extends Measure {
  /** EPCI first, then the references from the narrowest to the widest. */
  values: TerritoryValue[];
}

/** The names start at the frame's left edge; the value labels, this far right of their bar's end. */
const MARGIN_LEFT = 4;
const LABEL_DX = 5;

export function comparisonBars(input: ComparisonBarsInput, options: ChartOptions = {}): ChartOutput {
  const title = options.title ?? input.label;
  const width = chartWidth(options.wide);
  const rows = input.values.map((t, i) => ({
    key: String(i),
    name: fitName(t.name, width - MARGIN_LEFT, t.level === "epci"),
    epci: t.level === "epci",
    v: isShown(t.value) ? t.value.value : undefined,
    text: formatValue(t.value, input.unit, input.decimals),
  }));
  const desc = `${title}. ${input.values.map((t, i) => colon(t.name, rows[i].text)).join(" ; ")}.`;
  const meta = { id: chartId("bars", input), title, desc };
  const table = {
    caption: title,
    headers: ["Territoire", input.label],
    rows: input.values.map((t) => [t.name, cellText(t.value, input.unit, input.decimals)]),
  };
  const height = rows.length * ROW.height + 4;
  const values = input.values.map((t) => t.value);
  if (!values.some(isShown)) return { svg: wrap("bars", placeholderSvg(meta, width, height, statusMessage(values))), title, alt: desc, table };

  const shown = rows.filter((r) => r.v !== undefined);
  const hidden = rows.filter((r) => r.v === undefined);
  const numbers = shown.map((r) => r.v!);
  let [lo, hi] = [Math.min(0, ...numbers), Math.max(0, ...numbers)];
  if (lo === hi) hi = 1;
  const hatch = secretHatch(meta.id);
  const bar = { y: "key", insetTop: ROW.barTop, insetBottom: ROW.barBottom } as const;
  // Value labels sit right of the bar's end (right of zero for a negative bar): keep room for the longest.
  const valueLabels = (epci: boolean) =>
    Plot.text(shown.filter((r) => r.epci === epci), {
      y: "key",
      x: (r) => Math.max(r.v!, 0),
      text: "text",
      textAnchor: "start",
      dx: LABEL_DX,
      dy: BAR_DY,
      fill: epci ? HIGHLIGHT : INK,
      fontWeight: epci ? "bold" : "normal",
    });
  const svg = renderPlot(
    {
      width,
      height,
      marginTop: 2,
      marginBottom: 2,
      marginLeft: MARGIN_LEFT,
      // Room for the widest value label, which must not be cut by the chart's edge.
      marginRight: Math.ceil(Math.max(...shown.map((r) => textWidth(r.text, r.epci)))) + LABEL_DX + 2,
      x: { domain: [lo, hi], axis: null },
      y: { domain: rows.map((r) => r.key), axis: null, padding: 0 },
      marks: [
        hatchDefs([hatch]),
        Plot.barX(hidden, { ...bar, x1: lo, x2: hi, fill: `url(#${hatch.id})` }),
        Plot.text(hidden, { ...OVER_HATCH, y: "key", x: lo, text: (r) => capitalize(r.text), textAnchor: "start", dx: 6, dy: BAR_DY }),
        Plot.barX(shown.filter((r) => !r.epci), { ...bar, x: "v", fill: REFERENCE_FILL, stroke: REFERENCE_STROKE }),
        Plot.barX(shown.filter((r) => r.epci), { ...bar, x: "v", fill: HIGHLIGHT }),
        Plot.ruleX([0], { stroke: INK }),
        valueLabels(true),
        valueLabels(false),
        rowNames(rows),
      ],
    },
    meta,
  );
  return { svg: wrap("bars", svg), title, alt: desc, table };
}
