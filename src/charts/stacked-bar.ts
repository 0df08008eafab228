// Parts of a whole, one 100 % bar per territory (the EPCI, or the commune of a sheet, first: outlined and named in bold).
import * as Plot from "@observablehq/plot";
import type { Level } from "../declare/schemas";
import { formatWithUnit } from "../format/unit";
import { formatValue, isShown } from "../format/value";
import type { Value } from "../model/types";
import { BAR_DY, capitalize, colon, fitName, OVER_HATCH, placeholderSvg, ROW, rowNames, SECRET_SWATCH, secretHatch, statusMessage, wrap } from "./common";
import { chartId, hatchDefs, renderPlot } from "./dom";
import { legendHtml } from "./legend";
import { partColours, partsOf } from "./parts";
import { cellText } from "./table";
import { chartWidth, INK } from "./theme";
import type { ChartOptions, ChartOutput, Measure } from "./types";

export interface StackedBarInput extends Measure {
  /** Category labels, in the order of each row's values. */
  categories: string[];
  /** The chart's own territory first (the EPCI, or a commune), then the references. */
  rows: { name: string; level: Level; values: Value[] }[];
}

export function stackedBar(input: StackedBarInput, options: ChartOptions = {}): ChartOutput {
  const title = options.title ?? input.label;
  const width = chartWidth(options.wide);
  const marginLeft = 16; // half of the "0 %" tick label
  const marginRight = 24; // half of the "100 %" tick label
  const pxPerPoint = (width - marginLeft - marginRight) / 100;
  const texts = input.rows.map((r) => r.values.map((v) => formatValue(v, input.unit, input.decimals)));
  const rowText = (values: Value[], i: number) =>
    values.some(isShown) ? values.map((_, j) => `${input.categories[j]} ${texts[i][j]}`).join(", ") : statusMessage(values);
  const desc = `${title}. ${input.rows.map((r, i) => colon(r.name, rowText(r.values, i))).join(" ; ")}.`;
  const meta = { id: chartId("stacked", input), title, desc };
  const table = {
    caption: title,
    headers: ["Territoire", ...input.categories],
    rows: input.rows.map((r) => [r.name, ...r.values.map((v) => cellText(v, input.unit, input.decimals))]),
  };
  const height = input.rows.length * ROW.height + 26;
  const colours = partColours(input.categories.length);
  const allValues = input.rows.flatMap((r) => r.values);
  const hatch = secretHatch(meta.id);
  // The chart's own territory, outlined and named in bold: its EPCI, or a commune on its sheet.
  const rows = input.rows.map((r, i) => ({
    key: String(i),
    name: fitName(r.name, width - marginLeft, i === 0),
    epci: i === 0,
    parts: partsOf(r.values, input.unit, input.decimals, `url(#${hatch.id})`),
    message: capitalize(statusMessage(r.values)),
  }));
  if (rows.every((r) => !r.parts))
    return { svg: wrap("stacked", placeholderSvg(meta, width, height, statusMessage(allValues))), title, alt: desc, table };

  const segments = rows.flatMap((r) => {
    let x = 0;
    return (r.parts ?? []).map((s) => ({ ...s, key: r.key, x1: x, x2: (x += s.share) }));
  });
  // A row whose whole is unknown is hatched end to end, with its status.
  const unknown = rows.filter((r) => !r.parts);
  const fits = (text: string, px: number) => px >= text.length * 6.5 + 6;
  const bar = { y: "key", insetTop: ROW.barTop, insetBottom: ROW.barBottom } as const;
  const svg = renderPlot(
    {
      width,
      height,
      marginTop: 2,
      marginBottom: 24,
      marginLeft,
      marginRight,
      x: { domain: [0, 100], ticks: [0, 25, 50, 75, 100], tickFormat: (d: number) => formatWithUnit(d, "%", 0), label: null },
      y: { domain: rows.map((r) => r.key), axis: null, padding: 0 },
      marks: [
        hatchDefs([hatch]),
        Plot.barX(unknown, { ...bar, x1: 0, x2: 100, fill: `url(#${hatch.id})` }),
        Plot.text(unknown, { ...OVER_HATCH, y: "key", x: 50, text: "message", dy: BAR_DY }),
        Plot.barX(segments, { ...bar, x1: "x1", x2: "x2", fill: "fill", stroke: "#FFFFFF", strokeWidth: 1 }),
        Plot.text(segments.filter((s) => !s.hidden && fits(s.text, s.share * pxPerPoint)), {
          y: "key",
          x: (s) => (s.x1 + s.x2) / 2,
          text: "text",
          fill: "ink",
          dy: BAR_DY,
        }),
        Plot.text(segments.filter((s) => s.hidden && fits(s.text, s.share * pxPerPoint)), {
          ...OVER_HATCH,
          y: "key",
          x: (s) => (s.x1 + s.x2) / 2,
          text: "text",
          dy: BAR_DY,
        }),
        // The EPCI's bar is outlined: it stands out without colour.
        Plot.barX(rows.filter((r) => r.epci), { ...bar, x1: 0, x2: 100, fill: "none", stroke: INK, strokeWidth: 1.5 }),
        rowNames(rows),
      ],
    },
    meta,
  );
  const legend = legendHtml([
    ...input.categories.map((label, i) => ({ label, swatch: { kind: "fill" as const, fill: colours[i] } })),
    ...(unknown.length || segments.some((s) => s.hidden) ? [{ label: capitalize(statusMessage(allValues)), swatch: SECRET_SWATCH }] : []),
  ]);
  return { svg: wrap("stacked", svg, legend), title, alt: desc, table };
}
