// Where a commune lies in its EPCI: the EPCI's outline in grey and the commune over it in the highlight
// colour, outlined in black. Two outlines only, so a sheet stays light however large its EPCI; written
// as SVG text (svg.ts), as there is one per commune sheet.
import { geoPath } from "d3-geo";
import type { Geometry } from "geojson";
import { escapeHtml } from "../format/text";
import { wrap } from "./common";
import { chartId } from "./dom";
import { el, svgChart } from "./svg";
import { fittedPath, mapHeight } from "./geo";
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
  const height = mapHeight(width, bounds);
  const desc = `Carte de ${epci.name} (${epci.communeCount} communes), ${commune.name} mise en évidence.`;
  const path = fittedPath(bounds, width, height, MARGIN).digits(3);
  const svg = svgChart(
    // Its id names it in errors only (no pattern to prefix): from the names, not the outlines.
    { id: chartId("commune-locator", { commune: commune.name, epci: epci.name, options }), title, desc },
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
