// One portrait model per EPCI, plus the site model for the index, search and methods pages.
import type { Geometry } from "geojson";
import { compareWith, epciRanks, type Rank } from "../compare/compare";
import type { ComputedIndicators, IndicatorValues } from "../compute/types";
import { BLOCK_RULES } from "../declare/block-rules";
import type { Config, Indicator, PortraitPlan, Source } from "../declare/schemas";
import type { Commune, Epci, Territories } from "../territories/types";
import { describeFormula } from "./describe";
import { mainFile } from "../declare/source-files";
import { fillVintages, indicatorVintages, primaryRef } from "./vintage";
import { FRANCE, type FranceScope } from "../territories/france";
import type { EpciOutline, IndicatorModel, LevelValue, PortraitModel, Provenance, SiteModel, TerritoryRef } from "./types";

export interface Agreement {
  signed: boolean;
  date?: string;
}

export interface PlanarMaps {
  frame: { width: number; height: number };
  communes: Map<string, Geometry>;
  epcis: Map<string, Geometry>;
}

export interface ModelInput {
  config: Pick<Config, "name" | "publisher" | "fictional" | "base" | "communeSheets">;
  sources: Map<string, Source>;
  catalogue: Map<string, Indicator & { theme: string }>;
  plan: PortraitPlan;
  planIndicators: string[];
  territories: Territories;
  computed: ComputedIndicators;
  /** Each source's summary of its rows (communes of the département, references covered), by source id. */
  coverage?: Map<string, string>;
  agreements: Map<string, Agreement>;
  maps: PlanarMaps;
  buildDate: string;
}

export function provenanceOf(source: Source): Provenance {
  return {
    sourceId: source.id,
    producer: source.producer,
    dataset: source.dataset,
    vintage: source.vintage,
    licence: source.licence,
    ...(source.url ? { url: source.url } : {}),
  };
}

function describeIndicator(indicator: Indicator & { theme: string }, sources: Map<string, Source>) {
  // The file its main variable comes from: with several files per source, the dataset shown is the right one.
  const source = mainFile(primaryRef(indicator.formula), sources.values()) ?? placeholderSource(indicator.source);
  const vintages = indicatorVintages(indicator, sources);
  return {
    id: indicator.id,
    label: fillVintages(indicator.label, vintages),
    definition: fillVintages(indicator.definition, vintages),
    unit: indicator.unit,
    decimals: indicator.decimals,
    polarity: indicator.polarity,
    theme: indicator.theme,
    ...(indicator.note ? { note: indicator.note } : {}),
    provenance: { ...provenanceOf(source), vintage: vintages.vintage ?? source.vintage },
  };
}

function levelValues(values: IndicatorValues, epci: Epci, groupCode: string | undefined, territories: Territories): LevelValue[] {
  return [
    { level: "epci", code: epci.code, ...values.epci.get(epci.code)! },
    ...(groupCode ? [{ level: "group" as const, code: groupCode, ...values.group.get(groupCode)! }] : []),
    { level: "departement", code: territories.departement.code, ...values.departement },
    { level: "region", code: territories.region.code, ...values.region },
    { level: "france", code: FRANCE[values.franceScope].code, ...values.france },
  ];
}

/**
 * What every portrait of a build looks up, worked out once per input rather than once per EPCI
 * (a national build has over a thousand EPCIs and tens of thousands of communes). An input is
 * not changed once models are built from it.
 */
interface Lookups {
  communesOf: Map<string, Commune[]>;
  /** Positions in `groups.items` of the groups listing each commune (once per listing). */
  groupsOf: Map<string, number[]>;
  /** Indicators the plan draws commune by commune: only they carry commune values (half a model's size otherwise). */
  mapped: Set<string>;
  description(id: string): ReturnType<typeof describeIndicator>;
  rank(id: string, epci: string): Rank | undefined;
}

const lookupsByInput = new WeakMap<ModelInput, Lookups>();

function lookups(input: ModelInput): Lookups {
  if (!lookupsByInput.has(input)) {
    const communesOf = new Map<string, Commune[]>();
    for (const c of input.territories.communes) listIn(communesOf, c.epci).push(c);
    const groupsOf = new Map<string, number[]>();
    (input.territories.groups?.items ?? []).forEach((item, i) => item.communes.forEach((c) => listIn(groupsOf, c).push(i)));
    const descriptions = new Map<string, ReturnType<typeof describeIndicator>>();
    const ranks = new Map<string, Map<string, Rank>>();
    const mapped = new Set(input.plan.pages.flatMap((p) => p.blocks.filter((b) => BLOCK_RULES[b.kind].communes).flatMap((b) => b.indicators)));
    lookupsByInput.set(input, {
      communesOf,
      groupsOf,
      mapped,
      description(id) {
        if (!descriptions.has(id)) descriptions.set(id, describeIndicator(input.catalogue.get(id)!, input.sources));
        return descriptions.get(id)!;
      },
      rank(id, epci) {
        if (!ranks.has(id)) ranks.set(id, epciRanks(input.computed.byId.get(id)!, (code) => agreementOf(input, code).signed));
        return ranks.get(id)!.get(epci);
      },
    });
  }
  return lookupsByInput.get(input)!;
}

/** An indicator's label, definition, unit and provenance, worked out once per build. */
export const indicatorDescription = (input: ModelInput, id: string) => lookups(input).description(id);
/** An EPCI's CTG: unsigned unless the agreements file says otherwise. */
export const agreementOf = (input: ModelInput, epci: string) => input.agreements.get(epci) ?? { signed: false };
/** Whether the sheets of an EPCI's communes publish data: its CTG is signed, or the configuration publishes those of EPCIs without one. */
export const sheetsPublished = (input: ModelInput, epci: string) => agreementOf(input, epci).signed || input.config.communeSheets.withoutAgreement === "data";
/** The communes of an EPCI in the département. */
export const communesIn = (input: ModelInput, epci: string): Commune[] => lookups(input).communesOf.get(epci) ?? [];

function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  if (!map.has(key)) map.set(key, []);
  return map.get(key)!;
}

/** The group (e.g. MDS) an EPCI belongs to: the one holding most of its communes. */
function groupOf(epci: Epci, input: ModelInput) {
  const items = input.territories.groups?.items ?? [];
  const counts = items.map(() => 0);
  for (const c of new Set(epci.communes)) for (const i of lookups(input).groupsOf.get(c) ?? []) counts[i]++;
  let best: (typeof items)[number] | undefined;
  let bestCount = 0;
  items.forEach((item, i) => {
    if (counts[i] > bestCount) [best, bestCount] = [item, counts[i]];
  });
  return best;
}

function indicatorModel(input: ModelInput, id: string, epci: Epci, groupCode: string | undefined): IndicatorModel {
  const values = input.computed.byId.get(id)!;
  const all = levelValues(values, epci, groupCode, input.territories);
  const rank = lookups(input).rank(id, epci.code);
  return {
    ...lookups(input).description(id),
    values: all,
    comparisons: compareWith(all[0], all.slice(1)),
    ...(rank ? { rank } : {}),
    ...(lookups(input).mapped.has(id) ? { communes: epci.communes.map((code) => ({ code, value: values.commune.get(code)! })) } : {}),
  };
}

export function buildPortrait(input: ModelInput, epci: Epci): PortraitModel {
  const { territories } = input;
  const agreement = agreementOf(input, epci.code);
  const communes = lookups(input).communesOf.get(epci.code) ?? [];
  const group = groupOf(epci, input);
  // An EPCI without a signed CTG gets no data at all: its page only explains why.
  const published = agreement.signed;
  const refs: TerritoryRef[] = [
    { level: "epci", code: epci.code, name: epci.name },
    ...(group ? [{ level: "group" as const, code: group.code, name: group.name }] : []),
    { level: "departement", code: territories.departement.code, name: territories.departement.name },
    { level: "region", code: territories.region.code, name: territories.region.name },
    ...franceRefs(input, published),
  ];
  return {
    schemaVersion: 1,
    fictional: input.config.fictional,
    site: { name: input.config.name, publisher: input.config.publisher },
    build: { date: input.buildDate, cogVintage: territories.cogVintage },
    epci: {
      code: epci.code,
      name: epci.name,
      nature: epci.nature,
      population: communes.reduce((sum, c) => sum + c.population, 0),
      communes: communes.map((c) => ({ code: c.code, name: c.name, population: c.population })),
      agreement,
    },
    territories: refs,
    plan: { title: input.plan.title, pages: input.plan.pages.map((page, i) => ({ number: i + 1, ...page })) },
    indicators: published
      ? Object.fromEntries(input.planIndicators.map((id) => [id, indicatorModel(input, id, epci, group?.code)]))
      : {},
    maps: {
      frame: input.maps.frame,
      communes: published
        ? communes.filter((c) => input.maps.communes.has(c.code)).map((c) => ({ code: c.code, name: c.name, geometry: input.maps.communes.get(c.code)! }))
        : [],
      ...(input.maps.epcis.has(epci.code) ? { outline: input.maps.epcis.get(epci.code)! } : {}),
    },
  };
}

/** The France (entière, métropolitaine, hors Mayotte) of each indicator the portrait shows, France alone without any. */
function franceRefs(input: ModelInput, published: boolean): TerritoryRef[] {
  const scopes = new Set<FranceScope>(published ? input.planIndicators.map((id) => input.computed.byId.get(id)!.franceScope) : []);
  if (scopes.size === 0) scopes.add("entiere");
  return (Object.keys(FRANCE) as FranceScope[]).filter((s) => scopes.has(s)).map((s) => ({ level: "france", code: FRANCE[s].code, name: FRANCE[s].name }));
}

/** Beyond this many communes (Pas-de-Calais has 890), an indicator page draws its EPCIs only. */
const COMMUNE_MAP_LIMIT = 1000;

/**
 * The communes the indicator pages map, with their outlines: those of the département's EPCIs, as the
 * EPCI map draws them (not those of an EPCI seated elsewhere, which has no page here); none past
 * COMMUNE_MAP_LIMIT.
 */
export function mappedCommunes(input: ModelInput): (Commune & { epci: string; geometry: Geometry })[] {
  if (input.territories.communes.length > COMMUNE_MAP_LIMIT) return [];
  const epcis = new Set(input.territories.epcis.map((e) => e.code));
  return input.territories.communes.flatMap((c) => {
    const geometry = input.maps.communes.get(c.code);
    return geometry && c.epci && epcis.has(c.epci) ? [{ ...c, epci: c.epci, geometry }] : [];
  });
}

function epciOutlines(input: ModelInput): EpciOutline[] {
  return input.territories.epcis
    .filter((e) => input.maps.epcis.has(e.code))
    .map((e) => ({ code: e.code, name: e.name, signed: agreementOf(input, e.code).signed, geometry: input.maps.epcis.get(e.code)! }));
}

export function buildSite(input: ModelInput): SiteModel {
  const { territories } = input;
  const plan = new Set(input.planIndicators);
  const mapped = mappedCommunes(input);
  return {
    schemaVersion: 1,
    fictional: input.config.fictional,
    site: { name: input.config.name, publisher: input.config.publisher },
    base: input.config.base,
    build: { date: input.buildDate, cogVintage: territories.cogVintage },
    departement: territories.departement,
    region: territories.region,
    ...(territories.groups ? { groupLevelName: territories.groups.levelName } : {}),
    epcis: territories.epcis.map((e) => ({
      code: e.code,
      name: e.name,
      nature: e.nature,
      population: (lookups(input).communesOf.get(e.code) ?? []).reduce((s, c) => s + c.population, 0),
      communeCount: e.communes.length,
      agreement: agreementOf(input, e.code),
    })),
    communes: territories.communes.map((c) => ({ code: c.code, name: c.name, epci: c.epci })),
    catalogue: [...input.catalogue.values()].map((indicator) => {
      return {
        ...describeIndicator(indicator, input.sources),
        formula: describeFormula(indicator.formula),
        aggregation: indicator.aggregation,
        computed: input.computed.byId.has(indicator.id),
        inPlan: plan.has(indicator.id),
      };
    }),
    sources: [...input.sources.values()].map((s) => {
      const coverage = input.coverage?.get(s.id);
      return { ...provenanceOf(s), file: s.file, ...(coverage ? { coverage } : {}) };
    }),
    maps: epciOutlines(input),
    ...(mapped.length ? { communeMaps: mapped.map(({ code, name, geometry }) => ({ code, name, geometry })) } : {}),
    mapFrame: input.maps.frame,
  };
}

/** An indicator of the catalogue whose source this configuration does not declare. */
function placeholderSource(id: string): Source {
  return { id, producer: "non déclaré dans cette configuration", dataset: "—", vintage: "—", licence: "—" } as Source;
}
