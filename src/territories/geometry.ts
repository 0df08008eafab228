// Commune contours → planar, simplified geometries for every map of the site, computed once at
// build time: communes, EPCI outlines and the département outline, in one frame.
//
// Orientation: SVG-ready coordinates, x to the right, y DOWN, in [0, width] × [0, height], the
// longest side equal to `size`. Charts draw them as is (d3 geoPath with a null projection, or Plot
// with `projection: { type: "identity", domain }` — no `reflect`). Exterior rings are clockwise
// on screen, holes counter-clockwise, so the SVG nonzero fill rule keeps holes.
import { resolve } from "node:path";
import { geoConicConformal, geoPath } from "d3-geo";
import type { FeatureCollection, MultiPolygon, Position } from "geojson";
import { feature, merge } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, simplify } from "topojson-simplify";
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Topology } from "topojson-specification";
import type { Config } from "../declare/schemas";
import type { RenewCode } from "./changes";
import { readContours, type Area, type GeometryIssue } from "./contours";
import { keepShapes } from "./keep-shapes";
import type { Territories } from "./types";

export interface PlanarGeography {
  width: number;
  height: number;
  communes: Map<string, MultiPolygon>;
  epcis: Map<string, MultiPolygon>;
  departement: MultiPolygon;
  /** Contours without a commune of the referential and communes without contours. */
  issues: GeometryIssue[];
}

export interface PlanarOptions {
  size?: number; // longest side of the frame; default 1000
  /** Points whose triangle (Visvalingam) is smaller than this, in square frame units, are dropped.
   *  Default 2: the Gers's 458 communes + outlines weigh ~310 KB of JSON (~390 KB unsimplified). */
  minArea?: number;
  renew?: RenewCode; // codes of an older COG → current ones: merged communes are dissolved together
}

/** Coordinates on a 0.1 grid: plenty for a 1000-unit frame, and short in JSON. */
const round = (v: number) => Math.round(v * 10) / 10;

/**
 * Lambert-93's cone (parallels 44°/49°, meridian 3°E) fitted to the département. No adaptive
 * resampling (precision 0): IGN outlines are dense enough, and the fit must see exactly the points
 * that are then projected.
 */
function fittedProjection(fc: FeatureCollection, size: number) {
  const projection = geoConicConformal().parallels([44, 49]).rotate([-3, 0]).precision(0).fitExtent([[0, 0], [size, size]], fc);
  const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(fc);
  const [tx, ty] = projection.translate();
  return { projection: projection.translate([tx - x0, ty - y0]), width: round(x1 - x0), height: round(y1 - y0) };
}

/** Projects a polygon's rings; empty if its exterior ring is smaller than the grid. */
function projectRings(rings: Position[][], project: (p: [number, number]) => [number, number] | null): Position[][] {
  const projected = rings.map((ring) => {
    const out: Position[] = [];
    for (const p of ring) {
      const [x, y] = project(p as [number, number])!;
      const q = [round(x), round(y)];
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    return out;
  });
  return projected[0].length < 4 ? [] : projected.filter((ring) => ring.length >= 4);
}

export function buildPlanarGeography(
  contours: { areas: Map<string, Area[]>; issues: GeometryIssue[] },
  territories: Territories,
  options: PlanarOptions = {},
): PlanarGeography {
  const { size = 1000, minArea = 2, renew = (c: string) => c } = options;
  const known = new Set(territories.communes.map((c) => c.code));
  const issues = [...contours.issues];

  const features: FeatureCollection<Area> = { type: "FeatureCollection", features: [] };
  for (const [listed, areas] of contours.areas) {
    const code = renew(listed);
    if (!known.has(code)) {
      issues.push({ kind: "not-in-referential", code: listed, message: `La commune ${listed} du fichier de contours est absente du référentiel (${territories.cogVintage}) : non dessinée` });
      continue;
    }
    for (const geometry of areas) features.features.push({ type: "Feature", id: code, properties: null, geometry });
  }
  if (features.features.length === 0) throw new Error("Aucun contour ne correspond aux communes du référentiel");

  const { projection, width, height } = fittedProjection(features, size);
  const planar: FeatureCollection<MultiPolygon> = { type: "FeatureCollection", features: [] };
  for (const f of features.features) {
    const g = f.geometry; // every commune becomes a MultiPolygon: one type for all the maps
    const polygons = (g.type === "Polygon" ? [g.coordinates] : g.coordinates).map((p) => projectRings(p, projection)).filter((p) => p.length > 0);
    if (polygons.length > 0) planar.features.push({ ...f, geometry: { type: "MultiPolygon", coordinates: polygons } });
  }

  // Shared borders become shared arcs: simplified once, identically on both sides.
  const topo = presimplify(topology({ communes: planar }) as Topology<{ communes: GeometryCollection }>);
  keepShapes(topo, minArea);
  const simple = simplify(topo, minArea);

  const byCode = new Map<string, TopoMultiPolygon[]>();
  for (const g of simple.objects.communes.geometries as TopoMultiPolygon[]) byCode.set(String(g.id), [...(byCode.get(String(g.id)) ?? []), g]);
  const communes = new Map<string, MultiPolygon>();
  for (const c of territories.communes) {
    const geoms = byCode.get(c.code);
    if (!geoms) issues.push({ kind: "no-geometry", code: c.code, message: `La commune ${c.code} ${c.name} n'a pas de contour : absente des cartes` });
    // merge (never mesh: it walks every arc of the topology) dissolves merged communes' parts.
    else communes.set(c.code, geoms.length === 1 ? feature(simple, geoms[0]).geometry : merge(simple, geoms));
  }
  const dissolve = (codes: string[]) => merge(simple, codes.flatMap((code) => byCode.get(code) ?? []));

  return {
    width,
    height,
    communes,
    epcis: new Map(territories.epcis.map((e) => [e.code, dissolve(e.communes)])),
    departement: dissolve(territories.communes.map((c) => c.code)),
    issues,
  };
}

/** The geometry stage as declared in the configuration (`geometry.communes` relative to `configDir`). */
export function loadGeography(config: Config, configDir: string, territories: Territories, renew?: RenewCode): PlanarGeography | undefined {
  if (!config.geometry) return undefined;
  const { communes, codeProperty, codePrefix } = config.geometry;
  return buildPlanarGeography(readContours(resolve(configDir, communes), { codeProperty, codePrefix }), territories, { renew });
}
