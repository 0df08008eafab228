// Where a commune lies in its EPCI: the EPCI's outline in grey and the commune over it in the highlight
// colour, outlined in black. Two outlines only, so a sheet stays light however large its EPCI; written
// as SVG text (svg.ts), as there is one per commune sheet.
import { geoPath } from "d3-geo";
import type { Geometry } from "geojson";
import { escapeHtml } from "../format/text";
import { wrap } from "./common";
import { chartId } from "./dom";
import { el, svgChart } from "./svg";
import { fitFrame, fitProjection, mapHeight } from "./geo";
import { legendHtml } from "./legend";
import { chartWidth, CONTEXT_FILL, HIGHLIGHT } from "./theme";
import type { ChartOptions, ChartOutput } from "./types";

export interface CommuneLocatorInput {
  commune: { name: string; geometry: Geometry };
  epci: { name: string; communeCount: number; geometry: Geometry };
}

const MARGIN = 4;

export function communeLocator(input: CommuneLocatorInput, options: ChartOptions = {}): ChartOutput {
  const { commune, epci } = input;
  // Not named in the title, which also goes in an attribute (aria-label): the description names it.
  const title = options.title ?? "Situation dans son intercommunalité";
  const width = chartWidth(options.wide);
  const bounds = geoPath().bounds(epci.geometry);
  const [[x0, y0], [x1, y1]] = bounds;
  const height = mapHeight(width, bounds);
  // The EPCI's bounding box fitted like a whole frame, then moved to its corner.
  const fit = fitFrame({ width: x1 - x0, height: y1 - y0 }, width, height, MARGIN);
  const desc = `Carte de ${epci.name} (${epci.communeCount} communes), ${commune.name} mise en évidence.`;
  const path = geoPath(fitProjection({ k: fit.k, x: fit.x - fit.k * x0, y: fit.y - fit.k * y0 })).digits(3);
  const svg = svgChart(
    { id: chartId("commune-locator", { input, options }), title, desc },
    width,
    height,
    el("g", { "stroke-linecap": "round", "stroke-linejoin": "round", stroke: "#FFFFFF", fill: CONTEXT_FILL }, el("path", { d: path(epci.geometry) ?? "" })) +
      el("g", { "stroke-linecap": "round", "stroke-linejoin": "round", "stroke-width": 1.5, stroke: "#000000", fill: HIGHLIGHT }, el("path", { d: path(commune.geometry) ?? "" }, `<title>${escapeHtml(commune.name)}</title>`)),
  );
  const legend = legendHtml([
    { label: commune.name, swatch: { kind: "fill", fill: HIGHLIGHT, stroke: "#000000" } },
    { label: `Reste de ${epci.name}`, swatch: { kind: "fill", fill: CONTEXT_FILL } },
  ]);
  const table = {
    caption: `${commune.name} dans son intercommunalité`,
    headers: ["Territoire", "Situation"],
    rows: [
      [commune.name, "la commune de cette fiche"],
      [epci.name, `son intercommunalité, ${epci.communeCount} communes`],
    ],
  };
  return { svg: wrap("locator", svg, legend), title, alt: desc, table };
}
