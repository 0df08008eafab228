// Parts of a whole for the EPCI alone: a donut drawn by a custom render mark with d3-shape
// (Plot has no arc mark, tech-notes §5). Slices start at noon, clockwise, in legend order.
import { arc, pie, type PieArcDatum } from "d3-shape";
import { formatValue } from "../format/value";
import type { Value } from "../model/types";
import { colon, placeholderSvg, SECRET_SWATCH, secretHatch, statusMessage, wrap } from "./common";
import { chartId, hatchDefs, renderPlot, svgMark, type SvgNode } from "./dom";
import { legendHtml } from "./legend";
import { partsOf, type Segment } from "./parts";
import { cellText } from "./table";
import type { ChartOptions, ChartOutput, Measure } from "./types";

export interface DonutInput extends Measure {
  /** The territory shown (the EPCI's name). */
  territory: string;
  parts: { label: string; value: Value }[];
}

const SIZE = 200;

export function donut(input: DonutInput, options: Omit<ChartOptions, "wide"> = {}): ChartOutput {
  const title = options.title ?? input.label;
  const categories = input.parts.map((p) => p.label);
  const values = input.parts.map((p) => p.value);
  const texts = values.map((v) => formatValue(v, input.unit, input.decimals));
  const desc = `${title}, ${input.territory}. ${input.parts.map((p, i) => colon(p.label, texts[i])).join(" ; ")}.`;
  const meta = { id: chartId("donut", input), title, desc };
  const table = {
    caption: `${title}, ${input.territory}`,
    headers: ["Catégorie", input.label],
    rows: input.parts.map((p) => [p.label, cellText(p.value, input.unit, input.decimals)]),
  };
  const hatch = secretHatch(meta.id);
  const slices = partsOf(values, input.unit, input.decimals, `url(#${hatch.id})`);
  if (!slices) return { svg: wrap("donut", placeholderSvg(meta, SIZE, SIZE, statusMessage(values))), title, alt: desc, table };

  const r = SIZE / 2 - 2;
  const path = arc<PieArcDatum<Segment>>().innerRadius(r * 0.55).outerRadius(r);
  const arcs = pie<Segment>().value((s) => s.share).sort(null)(slices);
  // Labels only where the slice is wide enough for them (≥ 8 %); the legend carries every value.
  const nodes: SvgNode[] = arcs.flatMap((a) => {
    const slice: SvgNode = { tag: "path", attrs: { d: path(a)!, fill: a.data.fill, stroke: "#FFFFFF", "stroke-width": 1.5 } };
    if (a.data.share < 8 || a.data.hidden) return [slice];
    const [x, y] = path.centroid(a);
    return [slice, { tag: "text", attrs: { x: x.toFixed(1), y: y.toFixed(1), dy: "0.32em", fill: a.data.ink }, text: a.data.text }];
  });
  const svg = renderPlot(
    {
      width: SIZE,
      height: SIZE,
      margin: 0,
      marks: [
        hatchDefs([hatch]),
        svgMark((_, { width, height }) => [{ tag: "g", attrs: { transform: `translate(${width / 2},${height / 2})` }, children: nodes }]),
      ],
    },
    meta,
  );
  // The legend lists every part with its value (its share for counts); hidden parts are hatched.
  const shown = new Map(slices.filter((s) => !s.hidden).map((s) => [s.index, s]));
  const legend = legendHtml(
    categories.map((c, i) => {
      const s = shown.get(i);
      return s
        ? { label: colon(c, s.text), swatch: { kind: "fill" as const, fill: s.fill } }
        : { label: colon(c, texts[i]), swatch: SECRET_SWATCH };
    }),
  );
  return { svg: wrap("donut", svg, legend), title, alt: desc, table };
}
