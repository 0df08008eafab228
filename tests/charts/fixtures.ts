// Small chart inputs shared by the chart tests. Names include hostile strings on purpose.
import type { Geometry } from "geojson";
import type { ChoroplethInput } from "../../src/charts/choropleth";
import type { ComparisonBarsInput } from "../../src/charts/comparison-bars";
import type { DonutInput } from "../../src/charts/donut";
import type { EvolutionInput } from "../../src/charts/evolution";
import type { KeyFigureInput } from "../../src/charts/key-figures";
import type { EpciMapInput } from "../../src/charts/epci-map";
import type { LocatorInput } from "../../src/charts/locator-map";
import type { PyramidInput } from "../../src/charts/pyramid";
import type { StackedBarInput } from "../../src/charts/stacked-bar";
import type { Value } from "../../src/model/types";

export const MALICIOUS = "<script>alert(1)</script>";
export const AMPERSAND = `L'Haÿ & "Co"`;

export const ok = (value: number): Value => ({ status: "ok", value });
export const secret: Value = { status: "secret", reason: "effectif < 5" };
export const missing: Value = { status: "missing" };

/** A planar square, y down (SVG-ready like the model's maps). */
const square = (x: number, y: number, size = 10): Geometry => ({
  type: "Polygon",
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});

export const bars: ComparisonBarsInput = {
  label: "Part des familles monoparentales",
  unit: "%",
  decimals: 1,
  values: [
    { name: "Communauté de communes du Bas-Armagnac", level: "epci", value: ok(12.43) },
    { name: "Maison des solidarités d'Auch", level: "group", value: secret },
    { name: "Gers", level: "departement", value: ok(10.3) },
    { name: "Occitanie", level: "region", value: ok(11.02) },
    { name: "France", level: "france", value: missing },
  ],
};

export const barsNegative: ComparisonBarsInput = {
  label: "Évolution annuelle de la population",
  unit: "%/an",
  decimals: 1,
  values: [
    { name: "CC du Bas-Armagnac", level: "epci", value: ok(-0.42) },
    { name: "Gers", level: "departement", value: ok(0.3) },
    { name: "France", level: "france", value: ok(0.35) },
  ],
};

export const stacked: StackedBarInput = {
  label: "Ménages selon leur composition",
  unit: "%",
  decimals: 1,
  categories: ["Personnes seules", "Couples sans enfant", "Couples avec enfants", "Familles monoparentales", "Autres"],
  rows: [
    { name: "CC du Bas-Armagnac", level: "epci", values: [ok(35.2), ok(30.1), ok(22.3), secret, ok(3.1)] },
    { name: "Gers", level: "departement", values: [ok(36.2), ok(29.1), ok(22.3), ok(9.3), ok(3.1)] },
    { name: "France", level: "france", values: [missing, missing, missing, missing, missing] },
  ],
};

export const donutInput: DonutInput = {
  label: "Allocataires CAF selon la situation familiale",
  unit: "personnes",
  decimals: 0,
  territory: "CC du Bas-Armagnac",
  parts: [
    { label: "Personnes isolées", value: ok(1234) },
    { label: "Couples avec enfants", value: ok(980) },
    { label: "Familles monoparentales", value: ok(410) },
    { label: "Couples sans enfant", value: ok(95) },
  ],
};

const AGES = ["0 à 14 ans", "15 à 29 ans", "30 à 44 ans", "45 à 59 ans", "60 à 74 ans", "75 ans ou plus"];
export const pyramidInput: PyramidInput = {
  label: "Pyramide des âges",
  unit: "personnes",
  decimals: 0,
  ageGroups: AGES,
  epci: {
    name: "CC du Bas-Armagnac",
    men: [ok(1200), ok(900), ok(1100), ok(1300), ok(1250), secret],
    women: [ok(1150), ok(850), ok(1120), ok(1350), ok(1400), ok(900)],
  },
  reference: {
    name: "Gers",
    men: [ok(12000), ok(10000), ok(11000), ok(14000), ok(13000), ok(6000)],
    women: [ok(11500), ok(9500), ok(11200), ok(14500), ok(14000), ok(9000)],
  },
};

export const evolutionInput: EvolutionInput = {
  label: "Population municipale",
  unit: "habitants",
  decimals: 0,
  vintages: ["2010", "2015", "2021"],
  series: [
    { name: "CC du Bas-Armagnac", level: "epci", values: [ok(12000), secret, ok(12800)] },
    { name: "Gers", level: "departement", values: [ok(188000), ok(190000), ok(191000)] },
    { name: "Occitanie", level: "region", values: [ok(5600000), ok(5800000), ok(5970000)] },
    { name: "France", level: "france", values: [ok(62800000), ok(64300000), ok(65600000)] },
  ],
};

export const evolutionRate: EvolutionInput = {
  label: "Taux de chômage",
  unit: "%",
  decimals: 1,
  vintages: ["2010", "2015", "2021"],
  series: [
    { name: "CC du Bas-Armagnac", level: "epci", values: [ok(8.2), ok(9.1), ok(7.4)] },
    { name: "Gers", level: "departement", values: [ok(9), ok(9.5), ok(8)] },
  ],
};

export const evolutionPeriods: EvolutionInput = {
  label: "Naissances pour 1 000 habitants",
  unit: "‰",
  decimals: 1,
  vintages: ["2010-2014", "2015-2019", "2020-2024"],
  series: [
    { name: "CC du Bas-Armagnac", level: "epci", values: [ok(9.1), missing, ok(7.8)] },
    { name: "Gers", level: "departement", values: [ok(9.4), ok(8.7), ok(8.1)] },
  ],
};

const communeValues: Value[] = [ok(12.3), ok(15.1), secret, ok(9.8), ok(20.4), missing, ok(11.1), ok(13.7), ok(17.2)];
export const choroplethInput: ChoroplethInput = {
  label: "Part des 75 ans ou plus",
  unit: "%",
  decimals: 1,
  territory: "CC du Bas-Armagnac",
  communes: communeValues.map((value, i) => ({
    code: `3200${i}`,
    name: i === 0 ? MALICIOUS : i === 1 ? AMPERSAND : `Commune ${i}`,
    geometry: square((i % 3) * 10, Math.floor(i / 3) * 10),
    value,
  })),
};

/** Four EPCIs in a 40 × 40 frame, two of them without a signed CTG. */
export const epciMapInput: EpciMapInput = {
  frame: { width: 40, height: 40 },
  epcis: [
    { code: "200000001", name: "CC du Grand Auch", signed: true, geometry: square(0, 0, 20) },
    { code: "200000002", name: "CC du Bas-Armagnac", signed: true, geometry: square(20, 0, 20) },
    { code: "200000003", name: MALICIOUS, signed: false, geometry: square(0, 20, 20) },
    { code: "200000004", name: "CC Astarac Arros en Gascogne", signed: false, geometry: square(20, 20, 20) },
  ],
};

/** CC du Bas-Armagnac (top right) over the map of epciMapInput. */
export const locatorInput: LocatorInput = {
  frame: epciMapInput.frame,
  current: { name: "CC du Bas-Armagnac", signed: true, geometry: square(20, 0, 20) },
  epciCount: 4,
  unsigned: [MALICIOUS, "CC Astarac Arros en Gascogne"],
  background: "/carte-intercommunalites.svg?v=test",
};

export const keyFigureInputs: KeyFigureInput[] = [
  {
    label: "Population municipale",
    unit: "habitants",
    decimals: 0,
    values: [
      { name: "CC du Bas-Armagnac", level: "epci", value: ok(12800) },
      { name: "Gers", level: "departement", value: ok(191000) },
    ],
    rank: { rank: 3, of: 12 },
  },
  {
    label: "Part des familles monoparentales",
    unit: "%",
    decimals: 1,
    values: [
      { name: "CC du Bas-Armagnac", level: "epci", value: ok(12.4) },
      { name: "Gers", level: "departement", value: ok(10.3) },
      { name: "France", level: "france", value: ok(12.38) },
    ],
  },
  {
    label: "Taux de pauvreté",
    unit: "%",
    decimals: 1,
    values: [
      { name: "CC du Bas-Armagnac", level: "epci", value: secret },
      { name: "Gers", level: "departement", value: ok(15.1) },
    ],
  },
];
