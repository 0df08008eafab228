// One indicator by commune of the EPCI, on pre-projected planar geometry (y down, SVG-ready).
// Quantile classes in a sequential blue; secret communes hatched, missing ones light grey; all outlined.
import * as Plot from "@observablehq/plot";
import { geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { formatValue, isShown, STATUS_TEXT } from "../format/value";
import type { Value } from "../model/types";
import { classify } from "./classes";
import { capitalize, colon, SECRET_SWATCH, secretHatch, wrap } from "./common";
import { chartId, hatchDefs, renderPlot } from "./dom";
import { mapHeight } from "./geo";
import { legendHtml, type LegendItem } from "./legend";
import { cellText } from "./table";
import { chartWidth, INK, MISSING_FILL } from "./theme";
import type { ChartOptions, ChartOutput, Measure } from "./types";

export interface ChoroplethInput extends Measure {
  /** The EPCI's name. */
  territory: string;
  communes: { code: string; name: string; geometry: Geometry; value: Value }[];
}

export interface ChoroplethOptions extends ChartOptions {
  /** Number of quantile classes (5 by default). */
  classes?: number;
  /** Fixed class thresholds instead of quantiles (same map reading across EPCIs). */
  thresholds?: number[];
}

interface Props {
  name: string;
  fill: string;
  text: string;
}

export function choropleth(input: ChoroplethInput, options: ChoroplethOptions = {}): ChartOutput {
  const title = options.title ?? input.label;
  const width = chartWidth(options.wide);
  const { unit, decimals } = input;
  const id = chartId("choropleth", { input, options });
  const hatch = secretHatch(id);
  const shown = input.communes.flatMap((c) => (isShown(c.value) ? [{ ...c, v: c.value.value }] : []));
  const classes = shown.length ? classify(shown.map((c) => c.v), unit, decimals, options.classes, options.thresholds) : undefined;
  const fillOf = (v: Value) =>
    isShown(v) ? classes!.colours[classes!.classOf(v.value)] : v.status === "secret" ? `url(#${hatch.id})` : MISSING_FILL;
  const features: Feature<Geometry, Props>[] = input.communes.map((c) => ({
    type: "Feature",
    id: c.code,
    properties: { name: c.name, fill: fillOf(c.value), text: formatValue(c.value, unit, decimals) },
    geometry: c.geometry,
  }));
  const collection: FeatureCollection<Geometry, Props> = { type: "FeatureCollection", features };

  const byValue = [...shown].sort((a, b) => b.v - a.v || a.name.localeCompare(b.name, "fr"));
  const hiddenCounts = (["secret", "missing", "not-applicable"] as const).flatMap((s) => {
    const k = input.communes.filter((c) => !isShown(c.value) && (c.value.status === s || (s === "missing" && c.value.status === "ok"))).length;
    return k ? [colon(`${k} commune${k > 1 ? "s" : ""}`, STATUS_TEXT[s])] : [];
  });
  const top = byValue[0];
  const bottom = byValue[byValue.length - 1];
  const range = top
    ? top === bottom
      ? `${formatValue(top.value, unit, decimals)} (${top.name})`
      : `de ${formatValue(bottom.value, unit, decimals)} (${bottom.name}) à ${formatValue(top.value, unit, decimals)} (${top.name})`
    : "aucune valeur diffusable";
  const desc = `Carte par commune, ${input.territory} (${input.communes.length} communes). ${colon(title, range)}${hiddenCounts.length ? ` ; ${hiddenCounts.join(", ")}` : ""}.`;
  const table = {
    caption: `${title}, par commune de ${input.territory}`,
    headers: ["Commune", input.label],
    rows: [...byValue, ...input.communes.filter((c) => !isShown(c.value)).sort((a, b) => a.name.localeCompare(b.name, "fr"))].map((c) => [
      c.name,
      cellText(c.value, unit, decimals),
    ]),
  };

  const height = mapHeight(width, geoPath().bounds(collection));
  const svg = renderPlot(
    {
      width,
      height,
      margin: 4,
      projection: { type: "identity", domain: collection },
      marks: [
        hatchDefs([hatch]),
        Plot.geo(features, {
          fill: (d: Feature<Geometry, Props>) => d.properties.fill,
          stroke: INK,
          strokeWidth: 0.6,
          title: (d: Feature<Geometry, Props>) => colon(d.properties.name, d.properties.text),
        }),
      ],
    },
    { id, title, desc },
  );
  const statuses = new Set(input.communes.filter((c) => !isShown(c.value)).map((c) => (c.value.status === "secret" ? "secret" : "other")));
  const items: LegendItem[] = [
    ...(classes?.labels.map((label, i) => ({ label: capitalize(label), swatch: { kind: "fill" as const, fill: classes.colours[i], stroke: INK } })) ?? []),
    ...(statuses.has("secret") ? [{ label: capitalize(STATUS_TEXT.secret), swatch: SECRET_SWATCH }] : []),
    ...(statuses.has("other") ? [{ label: "Non disponible", swatch: { kind: "fill" as const, fill: MISSING_FILL, stroke: INK } }] : []),
  ];
  return { svg: wrap("choropleth", svg, legendHtml(items)), title, alt: desc, table };
}
