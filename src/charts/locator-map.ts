// Where the EPCI lies among the département's EPCIs: the EPCI in the highlight colour, the others light
// grey; EPCIs without a signed CTG are hatched and named in the legend (hatch, not hue, for print).
// Without a current EPCI (the home page), every signed EPCI takes the highlight colour.
import * as Plot from "@observablehq/plot";
import { geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { joinFrench } from "../format/text";
import { capitalize, colon, OVER_HATCH, wrap } from "./common";
import { chartId, hatchDefs, renderPlot } from "./dom";
import { legendHtml, type LegendItem } from "./legend";
import { chartWidth, CONTEXT_FILL, HATCH_INK, HIGHLIGHT, OVERVIEW_FILL } from "./theme";
import type { ChartOptions, ChartOutput } from "./types";

export interface LocatorInput {
  /** Code of the EPCI of the portrait; none for the map of the whole département. */
  current?: string;
  /** Every EPCI of the département, pre-projected (y down). */
  epcis: { code: string; name: string; signed: boolean; geometry: Geometry }[];
  /** Short text written at each EPCI's centroid, by code (the numbers of the home page's list). */
  labels?: Record<string, string>;
}

const ctg = (signed: boolean) => (signed ? "CTG signée" : "CTG non signée");

export function locatorMap(input: LocatorInput, options: ChartOptions = {}): ChartOutput {
  const current = input.current === undefined ? undefined : input.epcis.find((e) => e.code === input.current);
  if (input.current !== undefined && !current) throw new Error(`carte de situation : l'EPCI ${input.current} n'est pas parmi ceux du département`);
  const title = options.title ?? (current ? `Situation de ${current.name} dans le département` : "Intercommunalités du département");
  const width = chartWidth(options.wide);
  const id = chartId("locator", { input, options });
  const hatches = {
    other: { id: `${id}-unsigned`, background: CONTEXT_FILL, ink: HATCH_INK },
    current: { id: `${id}-current-unsigned`, background: HIGHLIGHT, ink: "#FFFFFF" },
  };
  const unsigned = input.epcis.filter((e) => !e.signed);
  const otherUnsigned = unsigned.filter((e) => e.code !== input.current);
  const otherSigned = input.epcis.length - (current ? 1 : 0) - otherUnsigned.length;
  const fillOf = (e: LocatorInput["epcis"][number]) => {
    const self = e.code === input.current;
    if (e.signed) return self ? HIGHLIGHT : current ? CONTEXT_FILL : OVERVIEW_FILL;
    return `url(#${(self ? hatches.current : hatches.other).id})`;
  };
  const features: Feature<Geometry, { name: string; fill: string; signed: boolean }>[] = input.epcis.map((e) => ({
    type: "Feature",
    id: e.code,
    properties: { name: e.name, fill: fillOf(e), signed: e.signed },
    geometry: e.geometry,
  }));
  const collection: FeatureCollection = { type: "FeatureCollection", features };
  const desc =
    `Carte des ${input.epcis.length} intercommunalités du département` +
    (current ? `, ${current.name} mise en évidence (${ctg(current.signed)}).` : ".") +
    (unsigned.length ? ` ${colon("Sans CTG signée", joinFrench(unsigned.map((e) => e.name)))}.` : " Toutes ont signé une CTG.");
  const table = {
    caption: `Intercommunalités du département et convention territoriale globale (CTG)`,
    headers: ["Intercommunalité", "CTG"],
    rows: input.epcis.map((e) => [e.code === input.current ? `${e.name} (ce portrait)` : e.name, ctg(e.signed)]),
  };

  const [[x0, y0], [x1, y1]] = geoPath().bounds(collection);
  const height = Math.round(Math.min(width * 1.2, Math.max(160, (width * (y1 - y0)) / (x1 - x0 || 1))));
  const svg = renderPlot(
    {
      width,
      height,
      margin: 4,
      projection: { type: "identity", domain: collection },
      marks: [
        hatchDefs([hatches.other, hatches.current]),
        Plot.geo(features, {
          fill: (d: (typeof features)[number]) => d.properties.fill,
          stroke: "#FFFFFF",
          strokeWidth: 1,
          title: (d: (typeof features)[number]) => colon(d.properties.name, ctg(d.properties.signed)),
        }),
        // The EPCI outlined in black on top, so it stands out in any print.
        Plot.geo(features.filter((f) => f.id === input.current), { fill: "none", stroke: "#000000", strokeWidth: 2 }),
        ...(input.labels
          ? [Plot.text(features.filter((f) => input.labels![f.id!]), Plot.centroid({ ...OVER_HATCH, text: (f: (typeof features)[number]) => input.labels![f.id!], fontWeight: "bold", fontSize: 18 }))]
          : []),
      ],
    },
    { id, title, desc },
  );
  const items: LegendItem[] = [
    ...(!current
      ? []
      : current.signed
        ? [{ label: current.name, swatch: { kind: "fill" as const, fill: HIGHLIGHT, stroke: "#000000" } }]
        : [{ label: `${current.name} (${ctg(false)})`, swatch: { kind: "hatch" as const, background: HIGHLIGHT, ink: "#FFFFFF" } }]),
    ...(otherSigned
      ? [
          {
            label: current ? "Autres intercommunalités" : unsigned.length ? capitalize(ctg(true)) : "Intercommunalités",
            swatch: { kind: "fill" as const, fill: current ? CONTEXT_FILL : OVERVIEW_FILL },
          },
        ]
      : []),
    ...(otherUnsigned.length
      ? [
          {
            label: colon(capitalize(ctg(false)), joinFrench(otherUnsigned.map((e) => e.name))),
            swatch: { kind: "hatch" as const, background: CONTEXT_FILL, ink: HATCH_INK },
          },
        ]
      : []),
  ];
  return { svg: wrap("locator", svg, legendHtml(items)), title, alt: desc, table };
}
