// A small portrait model and site model for the view helpers' tests (names include a hostile string).
import type { Geometry } from "geojson";
import type { Level } from "../../src/declare/schemas";
import type { IndicatorModel, PortraitModel, SiteModel, Value } from "../../src/model/types";

export const MALICIOUS = "<script>alert(1)</script>";

const square = (x: number, y: number): Geometry => ({
  type: "Polygon",
  coordinates: [[[x, y], [x + 10, y], [x + 10, y + 10], [x, y + 10], [x, y]]],
});

const ok = (value: number): Value => ({ status: "ok", value });
const LEVELS: { level: Level; code: string }[] = [
  { level: "epci", code: "200000001" },
  { level: "group", code: "MDS1" },
  { level: "departement", code: "32" },
  { level: "region", code: "76" },
  { level: "france", code: "FRANCE" },
];

const provenance = (sourceId: string, producer: string, vintage: string) => ({
  sourceId,
  producer,
  dataset: `${producer} ${vintage}, bases communales`,
  vintage,
  licence: "Licence Ouverte 2.0",
});

function indicator(id: string, unit: string, values: Value[], extra: Partial<IndicatorModel> = {}): IndicatorModel {
  return {
    id,
    label: `Libellé ${id}`,
    definition: `Définition de ${id}.`,
    unit,
    decimals: 1,
    polarity: "neutral",
    theme: "territoire",
    provenance: provenance("insee-rp", "INSEE", "2021"),
    values: values.map((v, i) => ({ ...LEVELS[i], ...v })),
    comparisons: [],
    ...extra,
  };
}

const pyramidIds = ["h_0014", "f_0014", "h_1529", "f_1529"];

export const portrait: PortraitModel = {
  schemaVersion: 1,
  fictional: true,
  site: { name: "Portraits", publisher: "GIP test" },
  build: { date: "2026-01-15", cogVintage: "COG 2024" },
  epci: {
    code: "200000001",
    name: "CC du Bas-Armagnac",
    nature: "CC",
    population: 12345,
    communes: [
      { code: "32001", name: "Zèbre", population: 100 },
      { code: "32002", name: MALICIOUS, population: 200 },
    ],
    agreement: { signed: true, date: "2023-01-01" },
  },
  territories: [
    { level: "epci", code: "200000001", name: "CC du Bas-Armagnac" },
    { level: "group", code: "MDS1", name: "Maison des solidarités d'Eauze" },
    { level: "departement", code: "32", name: "Gers" },
    { level: "region", code: "76", name: "Occitanie" },
    { level: "france", code: "FRANCE", name: "France" },
  ],
  plan: {
    title: "Portrait de territoire",
    pages: [1, 2, 3, 4, 5, 6].map((number) => ({
      number,
      title: `Page ${number}`,
      theme: "territoire" as const,
      blocks: number === 1 ? [{ kind: "comparison-bars" as const, title: "Familles", indicators: ["part"], wide: false }] : [],
    })),
  },
  indicators: {
    part: indicator("part", "%", [ok(12.4), ok(10.3), ok(10.3), ok(11), ok(12.4)]),
    secret: indicator("secret", "%", [{ status: "secret", reason: "effectif inférieur à 5" }, ok(10), ok(10), ok(11), ok(12)]),
    caf: indicator("caf", "%", [ok(40), ok(41), ok(42), ok(43), ok(44)], { provenance: provenance("caf", "CAF", "2023") }),
    ...Object.fromEntries(pyramidIds.map((id, i) => [id, indicator(id, "habitants", [ok(100 + i), ok(200), ok(300), ok(400), ok(500)])])),
  },
  maps: {
    frame: { width: 30, height: 10 },
    communes: [
      { code: "32001", name: "Zèbre", geometry: square(0, 0) },
      { code: "32002", name: MALICIOUS, geometry: square(10, 0) },
    ],
    outline: { type: "Polygon", coordinates: [[[0, 0], [20, 0], [20, 10], [0, 10], [0, 0]]] },
  },
};
portrait.indicators.part.communes = [
  { code: "32001", value: ok(10) },
  { code: "32002", value: { status: "secret", reason: "effectif inférieur à 5" } },
];

export const PYRAMID_IDS = pyramidIds;

export const site: Pick<SiteModel, "base" | "epcis" | "communes" | "catalogue" | "maps" | "mapFrame" | "groupLevelName"> = {
  base: "/",
  groupLevelName: "Maison des solidarités",
  epcis: [
    { code: "200000002", name: "CC du Val", nature: "CC", population: 5000, communeCount: 12, agreement: { signed: false } },
    { code: "200000001", name: "CA d'Auch", nature: "CA", population: 41234, communeCount: 34, agreement: { signed: true, date: "2022-01-01" } },
  ],
  communes: [
    { code: "32013", name: "Auch", epci: "200000001" },
    { code: "32400", name: "Saint-Étienne-du-Rouvray", epci: "200000002" },
    { code: "32401", name: "Sainte-Christie", epci: "200000001" },
    { code: "32402", name: "Étienne", epci: "200000001" },
    { code: "32403", name: MALICIOUS, epci: "200000002" },
  ],
  catalogue: [
    { ...indicator("population", "habitants", []), theme: "territoire", formula: "effectif : rp.pop", aggregation: "sum", computed: true, inPlan: true },
    { ...indicator("mediane", "€", []), theme: "revenus", formula: "publié : filosofi.med", aggregation: "published", computed: true, inPlan: false },
    { ...indicator("taux", "%", []), theme: "territoire", label: "A taux", formula: "a / b × 100", aggregation: "sum", computed: false, inPlan: false },
  ].map(({ values: _v, comparisons: _c, ...rest }) => rest),
  maps: [
    { code: "200000001", name: "CA d'Auch", signed: true, geometry: square(0, 0) },
    { code: "200000002", name: "CC du Val", signed: false, geometry: square(10, 0) },
  ],
  mapFrame: { width: 30, height: 10 },
};

/** The whole site model around `site`, as the pipeline writes it. */
export const siteModel: SiteModel = {
  ...site,
  schemaVersion: 1,
  fictional: true,
  site: { name: "Portraits", publisher: "GIP" },
  build: { date: "2030-01-01", cogVintage: "2024" },
  departement: { code: "32", name: "Gers" },
  region: { code: "76", name: "Occitanie" },
  sources: [],
};
