// The same quantity at several vintages, one line per level: the EPCI thick, solid and dotted,
// the references grey with a dash per level (told apart in black and white by the legend).
// Counts of different sizes cannot share an axis: they are shown as an index, base 100.
import * as Plot from "@observablehq/plot";
import type { Level } from "../declare/schemas";
import { formatNumber, formatTick } from "../format/number";
import { formatWithUnit, isCountUnit, unitLabel } from "../format/unit";
import { formatValue, isShown } from "../format/value";
import type { Value } from "../model/types";
import { colon, placeholderSvg, statusMessage, wrap } from "./common";
import { chartId, renderPlot } from "./dom";
import { legendHtml } from "./legend";
import { cellText } from "./table";
import { chartWidth, DASHES, HIGHLIGHT, MUTED_INK } from "./theme";
import type { ChartOptions, ChartOutput, Measure } from "./types";

export interface EvolutionInput extends Measure {
  /** Vintages, oldest first (years such as "2010" are placed on a time axis). */
  vintages: string[];
  /** EPCI first; each series has one value per vintage. */
  series: { name: string; level: Level; values: Value[] }[];
}

const HEIGHT = 220;

export function evolution(input: EvolutionInput, options: ChartOptions = {}): ChartOutput {
  const title = options.title ?? input.label;
  const width = chartWidth(options.wide);
  const { vintages, unit, decimals } = input;
  const span = (s: EvolutionInput["series"][number]) => {
    const shown = s.values.flatMap((v, i) => (isShown(v) ? [{ vintage: vintages[i], text: formatValue(v, unit, decimals) }] : []));
    if (!shown.length) return statusMessage(s.values);
    const [first, last] = [shown[0], shown[shown.length - 1]];
    return shown.length === 1 ? `${first.text} en ${first.vintage}` : `de ${first.text} en ${first.vintage} à ${last.text} en ${last.vintage}`;
  };
  const desc = `${title}. ${input.series.map((s) => colon(s.name, span(s))).join(" ; ")}.`;
  const meta = { id: chartId("evolution", input), title, desc };
  const table = {
    caption: title,
    headers: ["Territoire", ...vintages],
    rows: input.series.map((s) => [s.name, ...s.values.map((v) => cellText(v, unit, decimals))]),
  };
  const allValues = input.series.flatMap((s) => s.values);
  if (!allValues.some(isShown)) return { svg: wrap("evolution", placeholderSvg(meta, width, HEIGHT, statusMessage(allValues))), title, alt: desc, table };

  // Counts: each series divided by its first shown positive value.
  const indexed = isCountUnit(unit) && input.series.length > 1;
  const bases = input.series.map((s) => s.values.findIndex((v) => isShown(v) && v.value > 0));
  const baseVintages = [...new Set(bases.filter((b) => b >= 0).map((b) => vintages[b]))];
  const scale = (k: number, n: number) => {
    if (!indexed) return n;
    const base = input.series[k].values[bases[k]];
    return isShown(base) ? (n / base.value) * 100 : undefined;
  };
  const years = vintages.every((v) => /^\d{4}$/.test(v));
  const x = (i: number) => (years ? Number(vintages[i]) : vintages[i]);
  const points = input.series.map((s, k) =>
    s.values.map((v, i) => ({
      x: x(i),
      // A hidden value breaks the line rather than drawing a zero.
      y: isShown(v) ? scale(k, v.value) : undefined,
    })),
  );
  const yLabel = indexed
    ? `Indice, base 100 ${baseVintages.length === 1 ? `en ${baseVintages[0]}` : "au premier millésime connu"}`
    : `En ${unitLabel(unit)}`;
  const style = (level: Level) =>
    level === "epci"
      ? { stroke: HIGHLIGHT, strokeWidth: 2.5 }
      : { stroke: MUTED_INK, strokeWidth: 1.5, strokeDasharray: DASHES[level] ?? "2,2" };
  // The EPCI's latest shown value is written at its point.
  const last = points[0].filter((p) => p.y !== undefined).slice(-1);
  const svg = renderPlot(
    {
      width,
      height: HEIGHT,
      marginTop: 24,
      marginLeft: 60,
      // Room for the EPCI's latest value, written right of its point.
      marginRight: 64,
      marginBottom: 28,
      x: years
        ? { type: "linear", domain: [x(0), x(vintages.length - 1)], ticks: vintages.map(Number), tickFormat: String, label: null, inset: 12 }
        : { type: "point", domain: vintages, label: null, padding: 0.2 },
      y: { grid: true, nice: true, insetTop: 6, insetBottom: 6, tickFormat: formatTick, label: yLabel, labelAnchor: "top", labelArrow: "none" },
      marks: [
        // References first, so the EPCI is drawn on top.
        ...input.series
          .map((s, k) => ({ s, k }))
          .reverse()
          .flatMap(({ s, k }) => {
            const st = style(s.level);
            return [
              Plot.line(points[k], { x: "x", y: "y", ...st }),
              Plot.dot(points[k], { x: "x", y: "y", r: s.level === "epci" ? 3.5 : 2.5, stroke: st.stroke, fill: s.level === "epci" ? st.stroke : "#FFFFFF" }),
            ];
          }),
        Plot.text(last, {
          x: "x",
          y: "y",
          text: (p) => (indexed ? formatNumber(p.y!, 1) : formatWithUnit(p.y!, unit, decimals)),
          textAnchor: "start",
          dx: 8,
          fill: HIGHLIGHT,
          fontWeight: "bold",
          stroke: "#FFFFFF",
          strokeWidth: 3,
          paintOrder: "stroke",
        }),
      ],
    },
    meta,
  );
  const legend = legendHtml(
    input.series.map((s) => {
      const st = style(s.level);
      return {
        label: s.name,
        swatch: { kind: "line" as const, stroke: st.stroke, width: st.strokeWidth, dash: "strokeDasharray" in st ? st.strokeDasharray : undefined, dot: s.level === "epci" ? ("filled" as const) : ("hollow" as const) },
      };
    }),
  );
  return { svg: wrap("evolution", svg, legend), title, alt: desc, table };
}
