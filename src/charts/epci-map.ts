// The département's EPCIs on one map, those without a signed CTG hatched (hatch, not hue, for print):
// inline on the home page with the list's numbers, and as the one standalone file, drawn once per build,
// that every portrait's locator map shows as its background.
import * as Plot from "@observablehq/plot";
import { geoPath } from "d3-geo";
import type { Feature, Geometry } from "geojson";
import { escapeHtml, joinFrench } from "../format/text";
import { capitalize, colon, OVER_HATCH, wrap } from "./common";
import { chartId, hatchDefs, renderPlot } from "./dom";
import { fitFrame, fitProjection, frameBounds, mapHeight, type MapFrame } from "./geo";
import { legendHtml, type LegendItem } from "./legend";
import { chartWidth, CONTEXT_FILL, HATCH_INK, OVERVIEW_FILL } from "./theme";
import type { ChartOptions, ChartOutput } from "./types";

export interface EpciMapInput {
  /** The planar frame of the build's geometry: every map of the département is fitted to it. */
  frame: MapFrame;
  /** Every EPCI of the département, pre-projected (y down). */
  epcis: { code: string; name: string; signed: boolean; geometry: Geometry }[];
}

export interface HomeMapInput extends EpciMapInput {
  /** Short text written at each EPCI's centroid, by code (the numbers of the home page's list). */
  labels?: Record<string, string>;
}

/** Space around the maps of the département, in px. */
export const MAP_MARGIN = 4;

export const ctgText = (signed: boolean) => (signed ? "CTG signée" : "CTG non signée");

/** EPCIs without a signed CTG are named (legend, text alternative) up to this many, counted beyond. */
export const NAMED_UNSIGNED = 10;

/** Hatch of the EPCIs without a signed CTG among the others, and its legend swatch. */
export const UNSIGNED_HATCH = { background: CONTEXT_FILL, ink: HATCH_INK } as const;

/** "CTG non signée : A et B", or "CTG non signée : 37 intercommunalités" when too many to name. */
export function unsignedLabel(names: string[], listed: string): string {
  const what = names.length <= NAMED_UNSIGNED ? joinFrench(names) : `${names.length} intercommunalités (${listed})`;
  return colon(capitalize(ctgText(false)), what);
}

/** The home page's map: every EPCI, the signed ones in a light blue that its number reads on. */
export function epciMap(input: HomeMapInput, options: ChartOptions = {}): ChartOutput {
  const title = options.title ?? "Intercommunalités du département";
  const width = chartWidth(options.wide);
  const height = mapHeight(width, frameBounds(input.frame));
  const id = chartId("epcimap", { input, options });
  const hatch = { id: `${id}-unsigned`, ...UNSIGNED_HATCH };
  const features: Feature<Geometry, { name: string; signed: boolean }>[] = input.epcis.map((e) => ({
    type: "Feature",
    id: e.code,
    properties: { name: e.name, signed: e.signed },
    geometry: e.geometry,
  }));
  const unsigned = input.epcis.filter((e) => !e.signed).map((e) => e.name);
  const listed = "voir la liste";
  const desc = `Carte des ${input.epcis.length} intercommunalités du département. ${unsigned.length ? `${unsignedLabel(unsigned, listed)}.` : "Toutes ont signé une CTG."}`;
  const labels = input.labels;
  const svg = renderPlot(
    {
      width,
      height,
      projection: fitProjection(fitFrame(input.frame, width, height, MAP_MARGIN)),
      marks: [
        hatchDefs([hatch]),
        Plot.geo(features, {
          fill: (d: (typeof features)[number]) => (d.properties.signed ? OVERVIEW_FILL : `url(#${hatch.id})`),
          stroke: "#FFFFFF",
          strokeWidth: 1,
          title: (d: (typeof features)[number]) => colon(d.properties.name, ctgText(d.properties.signed)),
        }),
        ...(labels
          ? [Plot.text(features.filter((f) => labels[f.id!]), Plot.centroid({ ...OVER_HATCH, text: (f: (typeof features)[number]) => labels[f.id!], fontWeight: "bold", fontSize: 18 }))]
          : []),
      ],
    },
    { id, title, desc },
  );
  const items: LegendItem[] = [
    ...(unsigned.length < input.epcis.length
      ? [{ label: unsigned.length ? capitalize(ctgText(true)) : "Intercommunalités", swatch: { kind: "fill" as const, fill: OVERVIEW_FILL } }]
      : []),
    ...(unsigned.length ? [{ label: unsignedLabel(unsigned, listed), swatch: { kind: "hatch" as const, ...UNSIGNED_HATCH } }] : []),
  ];
  const table = {
    caption: "Intercommunalités du département et convention territoriale globale (CTG)",
    headers: ["Intercommunalité", "CTG"],
    rows: input.epcis.map((e) => [e.name, ctgText(e.signed)]),
  };
  return { svg: wrap("epcimap", svg, legendHtml(items)), title, alt: desc, table };
}

/** px → frame units at the scale of a half-width locator, where the file is seen. */
function frameUnits(frame: MapFrame): (px: number) => number {
  const width = chartWidth(false);
  const { k } = fitFrame(frame, width, mapHeight(width, frameBounds(frame)), MAP_MARGIN);
  return (px) => Math.round((px / k) * 1000) / 1000;
}

/**
 * The standalone SVG file of every EPCI in the frame's own coordinates (viewBox = frame): the others in
 * light grey, those without a signed CTG hatched. Decorative: the locators that show it say it in words.
 */
export function epciMapFile(input: EpciMapInput): string {
  const { width, height } = input.frame;
  const u = frameUnits(input.frame);
  const path = geoPath().digits(1); // the frame's 0.1 grid, exactly
  const group = (fill: string, signed: boolean) => {
    const paths = input.epcis.filter((e) => e.signed === signed).flatMap((e) => path(e.geometry) ?? []);
    return paths.length ? `<g fill="${fill}">${paths.map((d) => `<path d="${d}"/>`).join("")}</g>` : "";
  };
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title>${escapeHtml(`Carte des ${input.epcis.length} intercommunalités du département`)}</title>` +
    `<defs><pattern id="unsigned" patternUnits="userSpaceOnUse" width="${u(6)}" height="${u(6)}" patternTransform="rotate(45)">` +
    `<rect width="${u(6)}" height="${u(6)}" fill="${UNSIGNED_HATCH.background}"/><path d="M${u(3)},0V${u(6)}" stroke="${UNSIGNED_HATCH.ink}" stroke-width="${u(1.3)}"/></pattern></defs>` +
    `<g stroke="#FFFFFF" stroke-width="${u(1)}" stroke-linejoin="round">${group(CONTEXT_FILL, true)}${group("url(#unsigned)", false)}</g></svg>\n`
  );
}
