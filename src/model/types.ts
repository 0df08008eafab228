// The portrait model: one plain JSON document per EPCI, the only thing the site reads.
// Every number carries its status and provenance, so no page ever has to guess.
import type { Block, Level } from "../declare/schemas";
import type { Geometry } from "geojson";

export type ValueStatus = "ok" | "secret" | "missing" | "not-applicable";

export interface Value {
  status: ValueStatus;
  /** Present only when status is "ok". */
  value?: number;
  /** The summed components, when the indicator is a ratio of sums (published only when not secret). */
  numerator?: number;
  denominator?: number;
  /** True when summed from producer counts rounded (CAF) or weighted (RP): an order of magnitude. */
  approximate?: boolean;
  /** Why a value is not shown: "effectif < 5", "secret complémentaire", "secret du producteur", "non publié à cette échelle"… */
  reason?: string;
}

export interface TerritoryRef {
  level: Level;
  code: string;
  name: string;
}

export interface LevelValue extends Value {
  level: Level;
  code: string;
}

export interface Comparison {
  /** Reference level compared with (group, departement, region, france). */
  level: Level;
  /** EPCI minus reference, in the indicator's unit (points for percentages). */
  difference?: number;
  /** EPCI / reference. */
  ratio?: number;
}

export interface Provenance {
  sourceId: string;
  producer: string;
  dataset: string;
  vintage: string;
  licence: string;
  url?: string;
}

export interface IndicatorModel {
  id: string;
  label: string;
  definition: string;
  unit: string;
  decimals: number;
  polarity: "neutral" | "higher-is-better" | "higher-is-worse";
  theme: string;
  note?: string;
  provenance: Provenance;
  /** EPCI first, then the declared group, département, région, France (those that exist). */
  values: LevelValue[];
  comparisons: Comparison[];
  /** Rank of the EPCI among the département's EPCIs (1 = highest value), when its value is shown. */
  rank?: { rank: number; of: number };
  /** Values for each commune of the EPCI, after secrecy; only for the indicators the plan maps (choropleths). */
  communes?: { code: string; value: Value }[];
}

export interface PortraitModel {
  schemaVersion: 1;
  fictional: boolean;
  site: { name: string; publisher: string };
  build: { date: string; cogVintage: string };
  epci: {
    code: string;
    name: string;
    nature: string;
    population: number;
    communes: { code: string; name: string; population: number }[];
    agreement: { signed: boolean; date?: string };
  };
  /** The comparison levels present in `values`, in order. */
  territories: TerritoryRef[];
  plan: { title: string; pages: { number: number; title: string; theme: string; intro?: string; blocks: Block[] }[] };
  indicators: Record<string, IndicatorModel>;
  /** Pre-projected planar geometry (SVG-ready coordinates, y down), simplified at the data stage. Only this
      EPCI's: the other EPCIs' outlines are in the site model, drawn once per build (the locator's background). */
  maps: {
    /** The planar frame every geometry lives in, the département's EPCI map included. */
    frame: { width: number; height: number };
    /** The EPCI's communes; none when its CTG is unsigned. */
    communes: { code: string; name: string; geometry: Geometry }[];
    /** The EPCI's own outline, drawn over the département's map on the locator; absent without geometry. */
    outline?: Geometry;
  };
}

/** An EPCI on the département's map. */
export interface EpciOutline {
  code: string;
  name: string;
  signed: boolean;
  geometry: Geometry;
}

/** What the index, search and methods pages need: one document per build. */
export interface SiteModel {
  schemaVersion: 1;
  fictional: boolean;
  site: { name: string; publisher: string };
  /** The path the site is published under ("/", "/portraits/"): the start of every link (src/format/base.ts). */
  base: string;
  build: { date: string; cogVintage: string };
  departement: { code: string; name: string };
  region: { code: string; name: string };
  groupLevelName?: string;
  epcis: { code: string; name: string; nature: string; population: number; communeCount: number; agreement: { signed: boolean; date?: string } }[];
  /** For the commune search: name → its EPCI. */
  communes: { code: string; name: string; epci: string }[];
  /** Every indicator of the catalogue, computed in this build or not. */
  catalogue: (Omit<IndicatorModel, "values" | "comparisons" | "rank" | "communes"> & { formula: string; aggregation: string; computed: boolean; inPlan: boolean })[];
  /** With what reading each file found: its communes, the references it covers (src/quality/coverage.ts). */
  sources: (Provenance & { file: string; coverage?: string })[];
  /** Outlines of every EPCI of the département (with geometry): the home map and the locators' shared background. */
  maps: EpciOutline[];
  /**
   * Outlines of the communes of the département's EPCIs, for the indicator pages' commune maps: only up to
   * COMMUNE_MAP_LIMIT communes (every real département), beyond which a commune is a speck on a page.
   */
  communeMaps?: { code: string; name: string; geometry: Geometry }[];
  mapFrame: PortraitModel["maps"]["frame"];
}

/**
 * A commune's sheet (/commune/<code>/): key figures by theme and its age structure, each value with its
 * EPCI's, the département's, the région's and France's. Its commune values are the post-secrecy ones
 * every other page draws from, which secrecy already treats as published (src/secrecy/secrecy.ts).
 */
export interface CommuneSheetModel {
  schemaVersion: 1;
  fictional: boolean;
  site: { name: string; publisher: string };
  build: { date: string; cogVintage: string };
  commune: { code: string; name: string; population: number };
  epci: { code: string; name: string; nature: string; communeCount: number; agreement: { signed: boolean; date?: string } };
  /**
   * Whether the sheet publishes data: its EPCI's CTG is signed, or the configuration publishes the
   * communes of EPCIs without one (communeSheets.withoutAgreement: data): their sheets leave the EPCI out.
   */
  published: boolean;
  /** Commune, EPCI, département, région, France (each scope shown): the levels of `values`, in order. */
  territories: TerritoryRef[];
  /** The plan's key figures, page by page; none when the sheet publishes no data. */
  themes: { title: string; indicators: string[] }[];
  /**
   * The plan's age structure, if it has one: its block marked `sheet: true`, else its first pyramid. A
   * pyramid's indicators go in (men, women) pairs, youngest first; stacked bars' are the parts.
   */
  ageStructure?: { kind: "pyramid" | "stacked-bar"; title: string; labels: string[]; indicators: string[] };
  indicators: Record<string, Omit<IndicatorModel, "rank" | "communes">>;
  /** The commune over its EPCI, in the build's planar frame; absent without geometry. */
  maps: { epci?: Geometry; commune?: Geometry };
}

/**
 * The commune sheets of one EPCI as the data stage writes them: what they share once (the EPCI, the
 * references and their values, the indicators' descriptions), then each commune's own part; expanded
 * into CommuneSheetModel by expandCommuneSheets (src/model/commune-sheets.ts). At national scale this keeps
 * 35,000 sheets to some 50 MB of JSON instead of 1.4 GB.
 */
export interface CommuneSheetsModel {
  shared: Omit<CommuneSheetModel, "commune" | "territories" | "indicators" | "maps"> & {
    /** Every level of a sheet but the commune: EPCI (if its CTG is signed), département, région, France (each scope shown). */
    references: TerritoryRef[];
    indicators: Record<string, Omit<CommuneSheetModel["indicators"][string], "values" | "comparisons"> & { references: LevelValue[] }>;
    outline?: Geometry;
  };
  communes: { commune: CommuneSheetModel["commune"]; values: Record<string, Value>; geometry?: Geometry }[];
}

/** One computed indicator across the département (its page, /indicateur/<id>/); its description is in the site model's catalogue. */
export interface IndicatorPageModel {
  schemaVersion: 1;
  id: string;
  /** Every EPCI of the département. One without a signed CTG has no value, as its portrait has none. */
  epcis: { code: string; name: string; signed: boolean; value?: Value; rank?: { rank: number; of: number } }[];
  /** The département, the région and the indicator's France, as in the portraits. */
  references: (LevelValue & { name: string })[];
  /**
   * The value of every commune whose sheet publishes data, for the commune map: only where the site has
   * commune outlines and the indicator shows a value for at least one commune.
   */
  communes?: Record<string, Value>;
}
