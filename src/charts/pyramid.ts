// Age pyramid: % of the population by age group and sex, men left and women right; the EPCI in
// colour, the reference territory (département) as an outline over it.
import * as Plot from "@observablehq/plot";
import { formatTick, NBSP } from "../format/number";
import { truncate } from "../format/text";
import { formatWithUnit } from "../format/unit";
import { isShown, STATUS_TEXT } from "../format/value";
import type { Value } from "../model/types";
import { colon, OVER_HATCH, placeholderSvg, statusMessage, wrap } from "./common";
import { chartId, renderPlot } from "./dom";
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

  const bars = (i: number) =>
    SEXES.flatMap((s) =>
      input.ageGroups.flatMap((age, g) => {
        const n = data[i][s.key][g];
        return n === undefined ? [] : [{ age, x: s.sign * n, fill: s.fill }];
      }),
    );
  const hidden = SEXES.flatMap((s) =>
    input.ageGroups.flatMap((age, g) => (data[0][s.key][g] === undefined ? [{ age, sign: s.sign, text: cell(0, s.key, g) }] : [])),
  );
  const max = Math.max(...data.flatMap((d) => [...d.men, ...d.women]).filter((n) => n !== undefined)) * 1.05;
  const svg = renderPlot(
    {
      width,
      height,
      marginTop: 24,
      marginBottom: 26,
      marginLeft: options.wide ? 120 : 100,
      marginRight: 16,
      x: { domain: [-max, max], tickFormat: (d: number) => `${formatTick(Math.abs(d))}${NBSP}%`, ticks: 5, label: null },
      y: { domain: [...input.ageGroups].reverse(), tickFormat: (a: string) => truncate(a, options.wide ? 17 : 14), tickSize: 0, label: null, padding: 0.1 },
      marks: [
        Plot.barX(bars(0), { x: "x", y: "age", fill: "fill", insetTop: 1, insetBottom: 1 }),
        ...(ref ? [Plot.barX(bars(1), { x: "x", y: "age", fill: "none", stroke: INK, strokeWidth: 1.3 })] : []),
        // A hidden EPCI cell says why, next to the axis on its side (dx and textAnchor are constants in Plot).
        ...SEXES.map((s) =>
          Plot.text(hidden.filter((h) => h.sign === s.sign), {
            ...OVER_HATCH,
            x: 0,
            y: "age",
            text: "text",
            dx: s.sign * 4,
            textAnchor: s.sign < 0 ? "end" : "start",
            fontSize: 10,
          }),
        ),
        Plot.ruleX([0], { stroke: INK }),
        Plot.text(SEXES, { x: (s) => (s.sign * max) / 2, text: "title", frameAnchor: "top", dy: -16, fontWeight: "bold" }),
      ],
    },
    meta,
  );
  const legend = legendHtml([
    ...SEXES.map((s) => ({ label: `${s.title}, ${input.epci.name}`, swatch: { kind: "fill" as const, fill: s.fill } })),
    ...(ref ? [{ label: ref.name, swatch: { kind: "outline" as const, stroke: INK } }] : []),
  ]);
  return { svg: wrap("pyramid", svg, legend), title, alt: desc, table };
}
