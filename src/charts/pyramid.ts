// Age pyramid: % of the population by age group and sex, men left and women right; the EPCI in
// colour, the reference territory (département) as an outline over it.
import { ticks as d3Ticks } from "d3-array";
import { formatTick, NBSP } from "../format/number";
import { escapeHtml, truncate } from "../format/text";
import { formatWithUnit } from "../format/unit";
import { isShown, STATUS_TEXT } from "../format/value";
import type { Value } from "../model/types";
import { colon, placeholderSvg, statusMessage, wrap } from "./common";
import { chartId } from "./dom";
import { el, px, svgChart } from "./svg";
import { legendHtml } from "./legend";
import { chartWidth, INK, MEN, WOMEN } from "./theme";
import type { ChartOptions, ChartOutput } from "./types";

export interface PyramidSide {
  name: string;
  /** One value per age group, youngest first. */
  men: Value[];
  women: Value[];
}

export interface PyramidInput {
  label: string;
  /** Unit of the values: "%" (already shares of the population) or a count, turned into shares here. */
  unit: string;
  decimals: number;
  /** Age group labels, youngest first. */
  ageGroups: string[];
  epci: PyramidSide;
  reference?: PyramidSide;
}

const ROW = 22;
const SEXES = [
  { key: "men", word: "hommes", title: "Hommes", sign: -1, fill: MEN },
  { key: "women", word: "femmes", title: "Femmes", sign: 1, fill: WOMEN },
] as const;

/** Shares (%) of the side's population; undefined where the value is not shown. */
function shares(side: PyramidSide, unit: string): Record<"men" | "women", (number | undefined)[]> {
  const all = [...side.men, ...side.women];
  const total = unit === "%" ? 100 : all.reduce((s, v) => s + (isShown(v) ? v.value : 0), 0);
  const share = (v: Value) => (isShown(v) && total > 0 ? (v.value / total) * 100 : undefined);
  return { men: side.men.map(share), women: side.women.map(share) };
}

export function pyramid(input: PyramidInput, options: ChartOptions = {}): ChartOutput {
  const title = options.title ?? input.label;
  const width = chartWidth(options.wide);
  const sides = [input.epci, ...(input.reference ? [input.reference] : [])];
  const data = sides.map((s) => shares(s, input.unit));
  const pct = (n: number | undefined, v: Value) => (n === undefined ? STATUS_TEXT[v.status === "ok" ? "missing" : v.status] : formatWithUnit(n, "%", 1));
  const cell = (i: number, sex: "men" | "women", g: number) => pct(data[i][sex][g], sides[i][sex][g]);

  const ref = input.reference;
  const desc = `${title}, ${input.epci.name}, en % de la population${ref ? `, comparée à ${ref.name}` : ""}. ${input.ageGroups
    .map((age, g) =>
      colon(
        age,
        SEXES.map((s) => `${s.word} ${cell(0, s.key, g)}${ref ? ` (${ref.name} ${cell(1, s.key, g)})` : ""}`).join(", "),
      ),
    )
    .join(" ; ")}.`;
  const meta = { id: chartId("pyramid", input), title, desc };
  const table = {
    caption: `${title}, en % de la population`,
    headers: ["Âge", ...sides.flatMap((s) => SEXES.map((x) => `${x.title}, ${s.name}`))],
    rows: input.ageGroups.map((age, g) => [age, ...sides.flatMap((_, i) => SEXES.map((x) => cell(i, x.key, g)))]),
  };
  const height = input.ageGroups.length * ROW + 50;
  const epciValues = [...input.epci.men, ...input.epci.women];
  if (!epciValues.some(isShown)) return { svg: wrap("pyramid", placeholderSvg(meta, width, height, statusMessage(epciValues))), title, alt: desc, table };

  const max = Math.max(...data.flatMap((d) => [...d.men, ...d.women]).filter((n) => n !== undefined)) * 1.05;
  const svg = svgChart(meta, width, height, drawPyramid(input, data, max, { width, height, marginLeft: options.wide ? 120 : 100, truncateAt: options.wide ? 17 : 14 }, (s, g) => cell(0, s, g)));
  const legend = legendHtml([
    ...SEXES.map((s) => ({ label: `${s.title}, ${input.epci.name}`, swatch: { kind: "fill" as const, fill: s.fill } })),
    ...(ref ? [{ label: ref.name, swatch: { kind: "outline" as const, stroke: INK } }] : []),
  ]);
  return { svg: wrap("pyramid", svg, legend), title, alt: desc, table };
}

const [MARGIN_TOP, MARGIN_BOTTOM, MARGIN_RIGHT] = [24, 26, 16];

/**
 * The pyramid's body: age groups as bands (oldest on top, as d3's rounded band scale with a padding of
 * 0.1 places them), the axis of shares at the bottom, men's bars left of zero and women's right, the
 * reference's as outlines over them, and a hidden value's status written by the axis on its side.
 */
function drawPyramid(
  input: PyramidInput,
  data: Record<"men" | "women", (number | undefined)[]>[],
  max: number,
  { width, height, marginLeft, truncateAt }: { width: number; height: number; marginLeft: number; truncateAt: number },
  status: (sex: "men" | "women", group: number) => string,
): string {
  const x = (v: number) => marginLeft + ((v + max) / (2 * max)) * (width - marginLeft - MARGIN_RIGHT);
  const [top, bottom] = [MARGIN_TOP, height - MARGIN_BOTTOM];
  const n = input.ageGroups.length;
  const step = Math.floor((bottom - top) / (n + 0.1));
  const first = Math.round(top + (bottom - top - step * (n - 0.1)) / 2);
  const band = Math.round(step * 0.9);
  /** Top of age group g's band: the oldest first. */
  const y = (g: number) => first + (n - 1 - g) * step;
  const ticks = d3Ticks(-max, max, 5);
  const bars = (i: number, inset: number) =>
    SEXES.flatMap((s) =>
      input.ageGroups.flatMap((_, g) => {
        const share = data[i][s.key][g];
        if (share === undefined) return [];
        const [a, b] = [x(0), x(s.sign * share)].sort((p, q) => p - q);
        return [el("rect", { fill: inset ? s.fill : undefined, height: band - 2 * inset, y: y(g) + inset, width: b - a, x: a })];
      }),
    ).join("");
  const hidden = SEXES.flatMap((s) =>
    input.ageGroups.flatMap((_, g) =>
      data[0][s.key][g] === undefined ? [el("text", { "text-anchor": s.sign < 0 ? "end" : "start", x: x(0) + s.sign * 4, y: y(g) + band / 2, dy: "0.32em" }, escapeHtml(status(s.key, g)))] : [],
    ),
  ).join("");
  return (
    el("g", { "text-anchor": "end" }, input.ageGroups.map((age, g) => el("text", { x: marginLeft - 9, y: y(g) + band / 2, dy: "0.32em" }, escapeHtml(truncate(age, truncateAt)))).join("")) +
    el("g", { stroke: "currentColor", fill: "none", "aria-hidden": "true" }, ticks.map((t) => el("path", { d: `M${px(x(t))},${bottom}v6` })).join("")) +
    el("g", { "font-variant": "tabular-nums" }, ticks.map((t) => el("text", { x: x(t), y: bottom + 9, dy: "0.71em" }, escapeHtml(`${formatTick(Math.abs(t))}${NBSP}%`))).join("")) +
    el("g", {}, bars(0, 1)) +
    (input.reference ? el("g", { "stroke-width": 1.3, stroke: INK, fill: "none" }, bars(1, 0)) : "") +
    (hidden ? el("g", { "font-size": 10, "paint-order": "stroke", "stroke-linejoin": "round", "stroke-width": 5, stroke: "#FFFFFF", fill: INK }, hidden) : "") +
    el("line", { stroke: INK, x1: x(0), x2: x(0), y1: top, y2: bottom }) +
    el("g", { "font-weight": "bold" }, SEXES.map((s) => el("text", { x: x((s.sign * max) / 2), y: top - 16, dy: "0.71em" }, s.title)).join(""))
  );
}
