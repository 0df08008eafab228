// A synthetic département of any number of EPCIs (two square communes each, on a grid; every fourth
// without a signed CTG) as the model stage's input: to compare a small and a national-scale build.
import type { Geometry } from "geojson";
import { indicatorSchema, portraitPlanSchema, sourceSchema } from "../../src/declare/schemas";
import type { ModelInput } from "../../src/model/build";
import type { Value } from "../../src/model/types";
import type { Territories } from "../../src/territories/types";

const rect = (x: number, y: number, w: number, h: number): Geometry => ({
  type: "Polygon",
  coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]],
});

const ok = (value: number): Value => ({ status: "ok", value });

const source = sourceSchema.parse({
  id: "rp", producer: "INSEE", dataset: "RP", vintage: "2022", licence: "LO", file: "rp.csv", format: "csv",
  code: { column: "CODGEO", level: "commune" },
  columns: { pop: "P22_POP" },
});
const population = indicatorSchema.parse({
  id: "population", label: "Population", definition: "d", unit: "habitants", decimals: 0, polarity: "neutral", source: "rp",
  aggregation: "sum", formula: { kind: "count", value: "rp.pop" },
});

export const PLAN = portraitPlanSchema.parse({
  title: "Portrait",
  pages: [1, 2, 3, 4, 5, 6].map((n) => ({
    title: `Page ${n}`,
    theme: "territoire",
    blocks: n === 1 ? [{ kind: "locator-map", title: "Situation" }, { kind: "comparison-bars", title: "Population", indicators: ["population"] }] : [{ kind: "table", title: "Population", indicators: ["population"] }],
  })),
});

/** EPCI i: communes 2i and 2i + 1, side by side in cell i of a grid of 10 × 10 cells. */
export function departementOf(epciCount: number): ModelInput {
  const columns = Math.ceil(Math.sqrt(epciCount));
  const code = (i: number) => `2${String(i).padStart(8, "0")}`;
  const communeCode = (j: number) => `9${String(j).padStart(4, "0")}`;
  const cell = (i: number) => [(i % columns) * 10, Math.floor(i / columns) * 10];
  const epcis = Array.from({ length: epciCount }, (_, i) => ({ code: code(i), name: `CC numéro ${i + 1}`, nature: "CC", communes: [communeCode(2 * i), communeCode(2 * i + 1)] }));
  const territories: Territories = {
    cogVintage: "fictif",
    departement: { code: "99", name: "Synthétique" },
    region: { code: "99", name: "Région" },
    communes: epcis.flatMap((e, i) => e.communes.map((c, k) => ({ code: c, name: `Commune ${2 * i + k}`, epci: e.code, population: 100 + k }))),
    epcis,
  };
  const communeGeometry = new Map(epcis.flatMap((e, i) => e.communes.map((c, k): [string, Geometry] => [c, rect(cell(i)[0] + 5 * k, cell(i)[1], 5, 10)])));
  return {
    config: { name: "Portraits", publisher: "GIP", fictional: true, base: "/", communeSheets: { withoutAgreement: "notice" } },
    sources: new Map([["rp", source]]),
    catalogue: new Map([["population", { ...population, theme: "territoire" }]]),
    plan: PLAN,
    planIndicators: ["population"],
    territories,
    computed: {
      byId: new Map([
        [
          "population",
          {
            commune: new Map(territories.communes.map((c) => [c.code, ok(c.population)])),
            epci: new Map(epcis.map((e) => [e.code, ok(201)])),
            group: new Map(),
            departement: ok(201 * epciCount),
            region: ok(1e6),
            france: ok(6.8e7),
            franceScope: "entiere",
          },
        ],
      ]),
    },
    agreements: new Map(epcis.map((e, i) => [e.code, { signed: i % 4 !== 3 }])),
    maps: {
      frame: { width: columns * 10, height: Math.ceil(epciCount / columns) * 10 },
      communes: communeGeometry,
      epcis: new Map(epcis.map((e, i) => [e.code, rect(cell(i)[0], cell(i)[1], 10, 10)])),
    },
    buildDate: "2026-01-15",
  };
}
