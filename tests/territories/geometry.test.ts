import { existsSync } from "node:fs";
import { basename, dirname } from "node:path";
import { describe, expect, it } from "vitest";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { topology } from "topojson-server";
import { readContours, rewind } from "../../src/territories/contours";
import { fromDecoupage } from "../../src/territories/decoupage";
import { configSchema } from "../../src/declare/schemas";
import { buildPlanarGeography, loadGeography, type PlanarGeography } from "../../src/territories/geometry";
import type { Territories } from "../../src/territories/types";
import { tmpFile } from "./helpers";

// Four communes near Auch, in tenths of a degree from (0.5°E, 43.6°N), rings counter-clockwise
// as RFC 7946 requires. 32004 is an enclave filling the hole of 32003.
const at = (x: number, y: number): Position => [0.5 + x / 10, 43.6 + y / 10];
const square = (x0: number, y0: number, x1: number, y1: number): Position[] => [at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)];
const ccwHole = (x0: number, y0: number, x1: number, y1: number) => square(x0, y0, x1, y1).reverse();
const commune = (code: string, coordinates: Position[][]): Feature<Polygon> => ({ type: "Feature", properties: { code_territoire: `com${code}` }, geometry: { type: "Polygon", coordinates } });
const collection = {
  type: "FeatureCollection",
  features: [
    commune("32001", [square(0, 0, 1, 1)]),
    commune("32002", [square(1, 0, 2, 1)]),
    // With a vertex at (1, 1): neighbours share their border vertices, as in IGN files.
    commune("32003", [[at(0, 1), at(1, 1), at(2, 1), at(2, 2), at(0, 2), at(0, 1)], ccwHole(0.8, 1.4, 1.2, 1.6)]),
    commune("32004", [square(0.8, 1.4, 1.2, 1.6)]),
    commune("32999", [square(5, 5, 6, 6)]), // not in the referential: must not stretch the frame
  ],
};
const territories: Territories = {
  cogVintage: "test",
  departement: { code: "32", name: "Gers" },
  region: { code: "76", name: "Occitanie" },
  communes: ["32001", "32002", "32003", "32004", "32005"].map((code) => ({ code, name: `C${code}`, epci: code < "32003" ? "200000001" : "200000002", population: 1 })),
  epcis: [
    { code: "200000001", name: "E1", nature: "CC", communes: ["32001", "32002"] },
    { code: "200000002", name: "E2", nature: "CC", communes: ["32003", "32004", "32005"] },
  ],
};
const options = { codeProperty: "code_territoire", codePrefix: "com" };

const polygonsOf = (g: Polygon | MultiPolygon) => (g.type === "Polygon" ? [g.coordinates] : g.coordinates);
/** Shoelace area in y-down coordinates: positive for a ring clockwise on screen. */
const ringArea = (r: Position[]) => r.slice(1).reduce((s, p, i) => s + (r[i][0] * p[1] - p[0] * r[i][1]) / 2, 0);
const area = (g: Polygon | MultiPolygon) => polygonsOf(g).reduce((s, p) => s + p.reduce((t, r) => t + ringArea(r), 0), 0);

function expectInFrame(geo: PlanarGeography) {
  expect(Math.max(geo.width, geo.height)).toBe(1000);
  const all = [...geo.communes.values(), ...geo.epcis.values(), geo.departement];
  for (const g of all)
    for (const p of polygonsOf(g))
      for (const r of p)
        for (const [x, y] of r) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(geo.width);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(geo.height);
        }
}

describe("rewind", () => {
  it("reverses counter-clockwise rings, leaves d3's clockwise ones", () => {
    const ccw = [square(0, 0, 1, 1)];
    expect(rewind(ccw)).toEqual([square(0, 0, 1, 1).reverse()]);
    expect(rewind(rewind(ccw))).toEqual(rewind(ccw));
  });
});

describe("readContours", () => {
  it("strips the code prefix and reads GeoJSON", () => {
    const { areas, issues } = readContours(tmpFile("c.geojson", JSON.stringify(collection)), options);
    expect([...areas.keys()]).toEqual(["32001", "32002", "32003", "32004", "32999"]);
    expect(issues).toEqual([]);
  });

  it("reads a named TopoJSON object, and reports features it cannot use", () => {
    const broken = { ...collection, features: [...collection.features, { type: "Feature", properties: { code_territoire: "32006" }, geometry: null }] };
    const file = tmpFile("c.topojson", JSON.stringify(topology({ autre: { type: "FeatureCollection", features: [] }, communes: broken } as never)));
    const { areas, issues } = readContours(file, { ...options, object: "communes" });
    expect(areas.size).toBe(5);
    expect(issues.map((i) => i.kind)).toEqual(["unreadable"]);
  });

  it("keeps several features of one code together, and says so", () => {
    const twice = { ...collection, features: [...collection.features, commune("32001", [square(3, 0, 4, 1)])] };
    const { areas, issues } = readContours(tmpFile("c.geojson", JSON.stringify(twice)), options);
    expect(areas.get("32001")).toHaveLength(2);
    expect(issues.map((i) => [i.kind, i.code])).toEqual([["duplicate", "32001"]]);
  });

  it("pads numeric codes", () => {
    const numeric = { type: "FeatureCollection", features: [{ type: "Feature", properties: { code: 1001 }, geometry: { type: "Polygon", coordinates: [square(0, 0, 1, 1)] } }] };
    expect([...readContours(tmpFile("n.geojson", JSON.stringify(numeric))).areas.keys()]).toEqual(["01001"]);
  });
});

describe("buildPlanarGeography", () => {
  const geo = buildPlanarGeography(readContours(tmpFile("c.geojson", JSON.stringify(collection)), options), territories);

  it("projects counter-clockwise communes into the frame, not as the whole globe", () => {
    expectInFrame(geo);
    // The département fills the frame: 2 × 2 tenths of a degree, roughly square.
    expect(Math.min(geo.width, geo.height)).toBeGreaterThan(600);
    expect(area(geo.departement)).toBeGreaterThan(0.9 * geo.width * geo.height);
  });

  it("outputs y-down rings: exteriors clockwise on screen, holes counter-clockwise, north at the top", () => {
    const [exterior, hole] = polygonsOf(geo.communes.get("32003")!)[0];
    expect(ringArea(exterior)).toBeGreaterThan(0);
    expect(ringArea(hole)).toBeLessThan(0);
    const maxY = (code: string) => Math.max(...polygonsOf(geo.communes.get(code)!)[0][0].map((p) => p[1]));
    expect(maxY("32003")).toBeLessThan(maxY("32001")); // 32003 is north of 32001
  });

  it("dissolves EPCI outlines with merge", () => {
    const e1 = geo.epcis.get("200000001")!;
    const e2 = geo.epcis.get("200000002")!;
    expect(e1.coordinates).toHaveLength(1); // one polygon…
    expect(e1.coordinates[0]).toHaveLength(1); // …without the inner border
    expect(e2.coordinates[0]).toHaveLength(1); // the enclave fills the hole
    expect(area(e1)).toBeCloseTo(area(geo.communes.get("32001")!) + area(geo.communes.get("32002")!), 0);
    expect(geo.departement.coordinates).toHaveLength(1);
    expect(geo.departement.coordinates[0]).toHaveLength(1);
  });

  it("reports contours outside the referential and communes without contours", () => {
    expect(geo.issues.map((i) => [i.kind, i.code])).toEqual([
      ["not-in-referential", "32999"],
      ["no-geometry", "32005"],
    ]);
    expect(geo.communes.has("32999")).toBe(false);
  });

  it("dissolves former communes into the current one", () => {
    const merged = buildPlanarGeography(readContours(tmpFile("c.geojson", JSON.stringify(collection)), options), territories, {
      renew: (code) => (code === "32004" ? "32005" : code === "32999" ? "32001" : code),
    });
    expect(merged.issues.map((i) => i.kind)).toEqual(["no-geometry"]); // 32004 is now part of 32005
    expect(merged.communes.get("32005")).toBeDefined();
    expect(merged.communes.get("32001")!.type).toBe("MultiPolygon"); // 32001 and a detached former commune
  });

  it("keeps every commune, even under strong simplification", () => {
    const coarse = buildPlanarGeography(readContours(tmpFile("c.geojson", JSON.stringify(collection)), options), territories, { minArea: 1e6 });
    for (const g of coarse.communes.values()) expect(Math.abs(area(g))).toBeGreaterThan(0);
    expect(Math.abs(area(coarse.communes.get("32004")!))).toBeGreaterThan(0);
  });
});

describe("loadGeography", () => {
  it("reads the declared contours relative to the configuration's folder", () => {
    const file = tmpFile("communes.geojson", JSON.stringify(collection));
    const config = configSchema.parse({
      ...{ name: "T", publisher: "P", departement: "32", dataDir: "d", sources: "s", plan: "p" },
      territories: { from: "decoupage-administratif" },
      geometry: { communes: basename(file), codeProperty: "code_territoire", codePrefix: "com" },
    });
    expect(loadGeography(config, dirname(file), territories)!.communes.size).toBe(4);
    expect(loadGeography({ ...config, geometry: undefined }, dirname(file), territories)).toBeUndefined();
  });
});

const gersContours = "/work/shared/realdata/gers/contours/communes_dep32.geojson";
const mergers2025: Record<string, string> = { "32067": "32365", "32260": "32365", "32413": "32365" };

describe.skipIf(!existsSync(gersContours))("real Gers contours (COG 2024)", () => {
  if (!existsSync(gersContours)) console.warn(`${gersContours} absent : tests sur les contours réels du Gers ignorés`);
  const gersOptions = { codeProperty: "code_territoire", codePrefix: "com" };
  const gers = fromDecoupage("32", "majority-population").territories;

  it("projects the 461 communes inside the frame, within the size budget", () => {
    const contours = readContours(gersContours, gersOptions);
    expect(contours.areas.size).toBe(461);
    expect(contours.issues).toEqual([]);
    // A COG 2024 referential: the three communes merged in 2025 still stand on their own.
    const renew = (code: string) => mergers2025[code] ?? code;
    const epciOf = new Map(gers.communes.map((c) => [c.code, c.epci]));
    const cog2024: Territories = {
      ...gers,
      communes: [...contours.areas.keys()].map((code) => ({ code, name: code, epci: epciOf.get(renew(code))!, population: 0 })),
      epcis: gers.epcis.map((e) => ({ ...e, communes: [...contours.areas.keys()].filter((code) => epciOf.get(renew(code)) === e.code) })),
    };
    const geo = buildPlanarGeography(contours, cog2024);
    expect(geo.issues).toEqual([]);
    expect(geo.communes.size).toBe(461);
    expect(geo.epcis.size).toBe(15);
    expectInFrame(geo);
    const size = JSON.stringify({ communes: [...geo.communes], epcis: [...geo.epcis], departement: geo.departement }).length;
    expect(size).toBeLessThan(400_000);
  });

  it("matches the current referential through the 2025 mergers, and reports them without", () => {
    const contours = readContours(gersContours, gersOptions);
    const without = buildPlanarGeography(contours, gers);
    expect(without.issues.map((i) => `${i.kind} ${i.code}`)).toEqual(["not-in-referential 32067", "not-in-referential 32260", "not-in-referential 32413"]);
    const merged = buildPlanarGeography(contours, gers, { renew: (code) => mergers2025[code] ?? code });
    expect(merged.issues).toEqual([]);
    expect(merged.communes.size).toBe(458);
    expect(area(merged.communes.get("32365")!)).toBeGreaterThan(area(without.communes.get("32365")!));
  });
});
