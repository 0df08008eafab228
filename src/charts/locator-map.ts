// Where the EPCI lies in the département: the département's EPCI map (one shared file, epciMapFile) as
// the background, and only this EPCI drawn over it in the highlight colour, outlined in black. The
// markup, legend and table stay the same size however many EPCIs the département has.
import * as Plot from "@observablehq/plot";
import type { Geometry } from "geojson";
import { joinFrench } from "../format/text";
import { colon, wrap } from "./common";
import { chartId, hatchDefs, renderPlot, svgMark } from "./dom";
import { ctgText, MAP_MARGIN, NAMED_UNSIGNED, UNSIGNED_HATCH, unsignedLabel } from "./epci-map";
import { fitFrame, fitProjection, frameBounds, mapHeight, type MapFrame } from "./geo";
import { legendHtml, type LegendItem } from "./legend";
import { chartWidth, CONTEXT_FILL, HIGHLIGHT } from "./theme";
import type { ChartOptions, ChartOutput } from "./types";

export interface LocatorInput {
  /** The planar frame the shared map was drawn in. */
  frame: MapFrame;
  /** The EPCI of the portrait, pre-projected in the frame. */
  current: { name: string; signed: boolean; geometry: Geometry };
  /** Number of EPCIs of the département, this one included. */
  epciCount: number;
  /** Names of the other EPCIs without a signed CTG (hatched on the background). */
  unsigned: string[];
  /** URL of the département's EPCI map (epciMapFile). */
  background: string;
}

const LISTED = "liste sur la page d'accueil";

export function locatorMap(input: LocatorInput, options: ChartOptions = {}): ChartOutput {
  const { current, frame, unsigned } = input;
  const title = options.title ?? `Situation de ${current.name} dans le département`;
  const width = chartWidth(options.wide);
  const height = mapHeight(width, frameBounds(frame));
  const fit = fitFrame(frame, width, height, MAP_MARGIN);
  const id = chartId("locator", { input, options });
  const hatch = { id: `${id}-current-unsigned`, background: HIGHLIGHT, ink: "#FFFFFF" };
  const others = input.epciCount - 1;
  const signedOthers = others - unsigned.length;
  const named = unsigned.length <= NAMED_UNSIGNED;

  const desc =
    `Carte des ${input.epciCount} intercommunalités du département, ${current.name} mise en évidence (${ctgText(current.signed)}).` +
    (unsigned.length
      ? ` ${colon("Autres intercommunalités sans CTG signée", named ? joinFrench(unsigned) : `${unsigned.length} (${LISTED})`)}.`
      : current.signed
        ? " Toutes ont signé une CTG."
        : " Toutes les autres ont signé une CTG.");
  const table = {
    caption: `Les ${input.epciCount} intercommunalités du département et la convention territoriale globale (CTG)`,
    headers: ["Intercommunalité", "CTG"],
    rows: [
      [`${current.name} (ce portrait)`, ctgText(current.signed)],
      ...(named ? unsigned.map((name) => [name, ctgText(false)]) : [[`${unsigned.length} autres intercommunalités (${LISTED})`, ctgText(false)]]),
      ...(signedOthers ? [[`${signedOthers} autre${signedOthers > 1 ? "s" : ""} intercommunalité${signedOthers > 1 ? "s" : ""}`, ctgText(true)]] : []),
    ],
  };

  const svg = renderPlot(
    {
      width,
      height,
      projection: fitProjection(fit),
      marks: [
        hatchDefs([hatch]),
        // Decorative: the svg's title and description say what it shows.
        svgMark(() => [
          {
            tag: "image",
            attrs: {
              href: input.background,
              x: round(fit.x),
              y: round(fit.y),
              width: round(fit.k * frame.width),
              height: round(fit.k * frame.height),
              preserveAspectRatio: "none",
            },
          },
        ]),
        // Black on top, so the EPCI stands out in any print.
        Plot.geo([current.geometry], {
          fill: current.signed ? HIGHLIGHT : `url(#${hatch.id})`,
          stroke: "#000000",
          strokeWidth: 2,
          title: () => colon(current.name, ctgText(current.signed)),
        }),
      ],
    },
    { id, title, desc },
  );
  const items: LegendItem[] = [
    current.signed
      ? { label: current.name, swatch: { kind: "fill", fill: HIGHLIGHT, stroke: "#000000" } }
      : { label: `${current.name} (${ctgText(false)})`, swatch: { kind: "hatch", background: HIGHLIGHT, ink: "#FFFFFF" } },
    ...(signedOthers ? [{ label: "Autres intercommunalités", swatch: { kind: "fill" as const, fill: CONTEXT_FILL } }] : []),
    ...(unsigned.length ? [{ label: unsignedLabel(unsigned, LISTED), swatch: { kind: "hatch" as const, ...UNSIGNED_HATCH } }] : []),
  ];
  return { svg: wrap("locator", svg, legendHtml(items)), title, alt: desc, table };
}

const round = (v: number) => Math.round(v * 100) / 100;
