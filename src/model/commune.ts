// The commune sheets: one model per commune of a portrayed EPCI, from the same post-secrecy values as
// the portraits. Secrecy already treats every commune value of every indicator as published (its
// relations are each EPCI and the département as sums of their communes, src/secrecy/secrecy.ts): a
// sheet shows nothing it did not protect, so no sheet makes a portrait's value recoverable, nor the
// reverse. Numerators and denominators are left out at the commune: beside a commune's share they
// would give its complement (the families that are not single-parent…), which secrecy does not watch.
import { compareWith } from "../compare/compare";
import type { Commune, Epci } from "../territories/types";
import { FRANCE, type FranceScope } from "../territories/france";
import { communesIn, indicatorDescription, type ModelInput } from "./build";
import type { CommuneSheetModel, LevelValue, TerritoryRef, Value } from "./types";

/** The plan's key figures page by page, and its first age pyramid: what every sheet shows. */
function sheetPlan(input: ModelInput): Pick<CommuneSheetModel, "themes" | "ageStructure"> {
  const computed = (ids: string[]) => ids.filter((id) => input.computed.byId.has(id));
  const themes = input.plan.pages
    .map((page) => ({ title: page.title, indicators: computed(page.blocks.filter((b) => b.kind === "key-figures").flatMap((b) => b.indicators)) }))
    .filter((t) => t.indicators.length > 0);
  const pyramid = input.plan.pages.flatMap((p) => p.blocks).find((b) => b.kind === "pyramid");
  const complete = pyramid && computed(pyramid.indicators).length === pyramid.indicators.length;
  return {
    themes,
    ...(complete ? { ageStructure: { title: pyramid.title, labels: pyramid.labels ?? [], indicators: pyramid.indicators } } : {}),
  };
}

const ownValue = ({ status, value, reason, approximate }: Value): Value => ({
  status,
  ...(value !== undefined ? { value } : {}),
  ...(approximate ? { approximate } : {}),
  ...(reason ? { reason } : {}),
});

/** The sheets of the communes of `epci`: with data when its portrait publishes data, else only why not. */
export function buildCommuneSheets(input: ModelInput, epci: Epci): CommuneSheetModel[] {
  const agreement = input.agreements.get(epci.code) ?? { signed: false };
  const plan = agreement.signed ? sheetPlan(input) : { themes: [] };
  const ids = [...plan.themes.flatMap((t) => t.indicators), ...(plan.ageStructure?.indicators ?? [])];
  return communesIn(input, epci.code).map((commune) => sheet(input, commune, epci, agreement, plan, ids));
}

function sheet(
  input: ModelInput,
  commune: Commune,
  epci: Epci,
  agreement: CommuneSheetModel["epci"]["agreement"],
  plan: Pick<CommuneSheetModel, "themes" | "ageStructure">,
  ids: string[],
): CommuneSheetModel {
  const { territories } = input;
  const scopes = new Set<FranceScope>(ids.map((id) => input.computed.byId.get(id)!.franceScope));
  if (scopes.size === 0) scopes.add("entiere");
  const refs: TerritoryRef[] = [
    { level: "commune", code: commune.code, name: commune.name },
    { level: "epci", code: epci.code, name: epci.name },
    { level: "departement", code: territories.departement.code, name: territories.departement.name },
    { level: "region", code: territories.region.code, name: territories.region.name },
    ...(Object.keys(FRANCE) as FranceScope[]).filter((s) => scopes.has(s)).map((s) => ({ level: "france" as const, code: FRANCE[s].code, name: FRANCE[s].name })),
  ];
  const indicators = Object.fromEntries(
    ids.map((id) => {
      const values = input.computed.byId.get(id)!;
      const all: LevelValue[] = [
        { level: "commune", code: commune.code, ...ownValue(values.commune.get(commune.code) ?? { status: "missing" }) },
        { level: "epci", code: epci.code, ...values.epci.get(epci.code)! },
        { level: "departement", code: territories.departement.code, ...values.departement },
        { level: "region", code: territories.region.code, ...values.region },
        { level: "france", code: FRANCE[values.franceScope].code, ...values.france },
      ];
      return [id, { ...indicatorDescription(input, id), values: all, comparisons: compareWith(all[0], all.slice(1)) }];
    }),
  );
  const geometry = input.maps.communes.get(commune.code);
  const outline = input.maps.epcis.get(epci.code);
  return {
    schemaVersion: 1,
    fictional: input.config.fictional,
    site: { name: input.config.name, publisher: input.config.publisher },
    build: { date: input.buildDate, cogVintage: territories.cogVintage },
    commune: { code: commune.code, name: commune.name, population: commune.population },
    epci: { code: epci.code, name: epci.name, nature: epci.nature, communeCount: epci.communes.length, agreement },
    territories: refs,
    ...plan,
    indicators,
    maps: { ...(outline ? { epci: outline } : {}), ...(geometry ? { commune: geometry } : {}) },
  };
}
