// One indicator by commune of the EPCI (or by EPCI of the département: the same classes and legend), on
// pre-projected planar geometry (y down, SVG-ready). Quantile classes in a sequential blue; secret areas
// hatched, missing ones light grey, withheld ones (an EPCI without a CTG) hatched as on the home map.
import { geoPath } from "d3-geo";
import type { Geometry } from "geojson";
import { escapeHtml } from "../format/text";
import { formatValue, isShown, STATUS_TEXT } from "../format/value";
import type { Value } from "../model/types";
import { classify } from "./classes";
import { capitalize, colon, SECRET_SWATCH, secretHatch, wrap } from "./common";
import { chartId } from "./dom";
import { fittedPath, mapHeight } from "./geo";
import { legendHtml, type LegendItem } from "./legend";
import { el, hatchDefsSvg, svgChart } from "./svg";
import { cellText } from "./table";
import { UNSIGNED_HATCH } from "./epci-map";
import { chartWidth, INK, MISSING_FILL } from "./theme";
import type { ChartOptions, ChartOutput, Measure } from "./types";

export interface ChoroplethInput extends Measure {
  /** The EPCI's name. */
  territory: string;
  /** What the areas are called: the EPCI's communes unless said otherwise. */
  areas?: AreaNames;
  /** `withheld`: shown without any value, for that reason (an EPCI without a CTG publishes nothing). */
  communes: { code: string; name: string; geometry: Geometry; value: Value; withheld?: string }[];
}

/** As Plot's default margin on the maps drawn with it. */
const MARGIN = 4;

export interface AreaNames {
  one: string;
  many: string;
  /** The data table's first header. */
  header: string;
  /** After the title in the table's caption. */
  by: string;
}

const communesOf = (territory: string): AreaNames => ({ one: "commune", many: "communes", header: "Commune", by: `par commune de ${territory}` });

export interface ChoroplethOptions extends ChartOptions {
  /** Number of quantile classes (5 by default). */
  classes?: number;
  /** Fixed class thresholds instead of quantiles (same map reading across EPCIs). */
  thresholds?: number[];
}

export function choropleth(input: ChoroplethInput, options: ChoroplethOptions = {}): ChartOutput {
  const title = options.title ?? input.label;
  const width = chartWidth(options.wide);
  const { unit, decimals } = input;
  // From the values, not the outlines: stringifying thousands of them cost more than drawing them.
  const id = chartId("choropleth", { ...input, communes: input.communes.map(({ code, value, withheld }) => [code, value, withheld]), options });
  const hatch = secretHatch(id);
  const unsignedHatch = { id: `${id}-withheld`, ...UNSIGNED_HATCH };
  const areas = input.areas ?? communesOf(input.territory);
  const withheld = input.communes.filter((c) => c.withheld);
  const valued = input.communes.filter((c) => !c.withheld);
  const shown = valued.flatMap((c) => (isShown(c.value) ? [{ ...c, v: c.value.value }] : []));
  const classes = shown.length ? classify(shown.map((c) => c.v), unit, decimals, options.classes, options.thresholds) : undefined;
  const fillOf = (v: Value, reason?: string) =>
    reason ? `url(#${unsignedHatch.id})` : isShown(v) ? classes!.colours[classes!.classOf(v.value)] : v.status === "secret" ? `url(#${hatch.id})` : MISSING_FILL;
  const byValue = [...shown].sort((a, b) => b.v - a.v || a.name.localeCompare(b.name, "fr"));
  const counted = (k: number, text: string) => colon(`${k} ${k > 1 ? areas.many : areas.one}`, text);
  const hiddenCounts = (["secret", "missing", "not-applicable"] as const).flatMap((s) => {
    const k = valued.filter((c) => !isShown(c.value) && (c.value.status === s || (s === "missing" && c.value.status === "ok"))).length;
    return k ? [counted(k, STATUS_TEXT[s])] : [];
  });
  const reasons = [...new Set(withheld.map((c) => c.withheld!))];
  for (const reason of reasons) hiddenCounts.push(counted(withheld.filter((c) => c.withheld === reason).length, reason));
  const top = byValue[0];
  const bottom = byValue[byValue.length - 1];
  const range = top
    ? top === bottom
      ? `${formatValue(top.value, unit, decimals)} (${top.name})`
      : `de ${formatValue(bottom.value, unit, decimals)} (${bottom.name}) à ${formatValue(top.value, unit, decimals)} (${top.name})`
    : "aucune valeur diffusable";
  const desc = `Carte par ${areas.one}, ${input.territory} (${input.communes.length} ${areas.many}). ${colon(title, range)}${hiddenCounts.length ? ` ; ${hiddenCounts.join(", ")}` : ""}.`;
  const table = {
    caption: `${title}, ${areas.by}`,
    headers: [areas.header, input.label],
    rows: [...byValue, ...byName(valued.filter((c) => !isShown(c.value))), ...byName(withheld)].map((c) => [c.name, c.withheld ?? cellText(c.value, unit, decimals)]),
  };

  const bounds = geoPath().bounds({ type: "GeometryCollection", geometries: input.communes.map((c) => c.geometry) });
  const height = mapHeight(width, bounds);
  // A tenth of a pixel is finer than any screen or print shows: a quarter less to send than Plot's thousandths.
  const path = fittedPath(bounds, width, height, MARGIN).digits(1);
  const fit = `${width}:${height}:${bounds.flat().join(",")}`;
  const areasSvg = input.communes.map((c) => {
    const text = c.withheld ?? formatValue(c.value, unit, decimals);
    return el("path", { fill: fillOf(c.value, c.withheld), d: drawn(c.geometry, fit, () => path(c.geometry) ?? "") }, el("title", {}, escapeHtml(colon(c.name, text))));
  });
  const svg = svgChart(
    { id, title, desc },
    width,
    height,
    hatchDefsSvg(withheld.length ? [hatch, unsignedHatch] : [hatch]) +
      el("g", { "stroke-linecap": "round", "stroke-linejoin": "round", "stroke-width": 0.6, stroke: INK }, areasSvg.join("")),
  );
  const statuses = new Set(valued.filter((c) => !isShown(c.value)).map((c) => (c.value.status === "secret" ? "secret" : "other")));
  const items: LegendItem[] = [
    ...(classes?.labels.map((label, i) => ({ label: capitalize(label), swatch: { kind: "fill" as const, fill: classes.colours[i], stroke: INK } })) ?? []),
    ...(statuses.has("secret") ? [{ label: capitalize(STATUS_TEXT.secret), swatch: SECRET_SWATCH }] : []),
    ...(statuses.has("other") ? [{ label: "Non disponible", swatch: { kind: "fill" as const, fill: MISSING_FILL, stroke: INK } }] : []),
    ...reasons.map((reason) => ({ label: capitalize(reason), swatch: { kind: "hatch" as const, ...UNSIGNED_HATCH } })),
  ];
  return { svg: wrap("choropleth", svg, legendHtml(items)), title, alt: desc, table };
}

/**
 * Each outline's last path, with the fit it was drawn for: the 100-odd indicator pages draw the same
 * EPCIs in the same frame, and a portrait's maps its same communes (a third of an indicator page's
 * making at national scale). Held as long as its geometry is.
 */
const paths = new WeakMap<Geometry, { fit: string; d: string }>();
function drawn(geometry: Geometry, fit: string, draw: () => string): string {
  const known = paths.get(geometry);
  if (known?.fit === fit) return known.d;
  const d = draw();
  paths.set(geometry, { fit, d });
  return d;
}

const byName = <T extends { name: string }>(areas: T[]) => [...areas].sort((a, b) => a.name.localeCompare(b.name, "fr"));
