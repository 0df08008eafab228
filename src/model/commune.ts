// The commune sheets: one model per commune of a portrayed EPCI (written EPCI by EPCI, what they share
// once), from the same post-secrecy values as the portraits. Secrecy already treats every commune value
// of every indicator as published (its relations are each EPCI and the département as sums of their
// communes, src/secrecy/secrecy.ts): a sheet shows nothing it did not protect, so no sheet makes a
// portrait's value recoverable, nor the reverse. Numerators and denominators are left out at the
// commune: beside a commune's share they would give its complement (the families that are not
// single-parent…), which secrecy does not watch.
import { BLOCK_RULES } from "../declare/block-rules";
import type { Block } from "../declare/schemas";
import type { Epci } from "../territories/types";
import { FRANCE, type FranceScope } from "../territories/france";
import { agreementOf, communesIn, indicatorDescription, sheetsPublished, type ModelInput } from "./build";
import type { CommuneSheetModel, CommuneSheetsModel, LevelValue, TerritoryRef, Value } from "./types";

const drawnOnSheets = (b: Block): b is Block & { kind: "pyramid" | "stacked-bar" } => BLOCK_RULES[b.kind].sheet === true;

/**
 * The plan's key figures page by page, and its age structure: the block marked `sheet: true` (a pyramid
 * or stacked bars), else its first pyramid. What every sheet shows.
 */
function sheetPlan(input: ModelInput): Pick<CommuneSheetModel, "themes" | "ageStructure"> {
  const computed = (ids: string[]) => ids.filter((id) => input.computed.byId.has(id));
  const themes = input.plan.pages
    .map((page) => ({ title: page.title, indicators: computed(page.blocks.filter((b) => b.kind === "key-figures").flatMap((b) => b.indicators)) }))
    .filter((t) => t.indicators.length > 0);
  const blocks = input.plan.pages.flatMap((p) => p.blocks);
  const age = blocks.find((b) => b.sheet) ?? blocks.find((b) => b.kind === "pyramid");
  const complete = age && drawnOnSheets(age) && computed(age.indicators).length === age.indicators.length;
  return {
    themes,
    ...(complete ? { ageStructure: { kind: age.kind, title: age.title, labels: age.labels ?? [], indicators: age.indicators } } : {}),
  };
}

/** A commune's value as its sheet publishes it: no numerator nor denominator. */
export const ownValue = ({ status, value, reason, approximate }: Value): Value => ({
  status,
  ...(value !== undefined ? { value } : {}),
  ...(approximate ? { approximate } : {}),
  ...(reason ? { reason } : {}),
});

/**
 * The sheets of the communes of `epci`, as written for the site: with data when its portrait publishes
 * data (or the configuration publishes the communes of EPCIs without a CTG, compared with the
 * département, the région and France only), else only why not.
 */
export function buildCommuneSheetsModel(input: ModelInput, epci: Epci): CommuneSheetsModel {
  const { territories } = input;
  const agreement = agreementOf(input, epci.code);
  const published = sheetsPublished(input, epci.code);
  const plan = published ? sheetPlan(input) : { themes: [] };
  const ids = [...plan.themes.flatMap((t) => t.indicators), ...(plan.ageStructure?.indicators ?? [])];
  const scopes = new Set<FranceScope>(ids.map((id) => input.computed.byId.get(id)!.franceScope));
  if (scopes.size === 0) scopes.add("entiere");
  // An EPCI without a signed CTG publishes nothing, on its communes' sheets either: they leave it out.
  const references: TerritoryRef[] = [
    ...(agreement.signed ? [{ level: "epci" as const, code: epci.code, name: epci.name }] : []),
    { level: "departement", code: territories.departement.code, name: territories.departement.name },
    { level: "region", code: territories.region.code, name: territories.region.name },
    ...(Object.keys(FRANCE) as FranceScope[]).filter((s) => scopes.has(s)).map((s) => ({ level: "france" as const, code: FRANCE[s].code, name: FRANCE[s].name })),
  ];
  const indicators = Object.fromEntries(
    ids.map((id) => {
      const values = input.computed.byId.get(id)!;
      const levels: LevelValue[] = [
        ...(agreement.signed ? [{ level: "epci" as const, code: epci.code, ...values.epci.get(epci.code)! }] : []),
        { level: "departement", code: territories.departement.code, ...values.departement },
        { level: "region", code: territories.region.code, ...values.region },
        { level: "france", code: FRANCE[values.franceScope].code, ...values.france },
      ];
      return [id, { ...indicatorDescription(input, id), references: levels }];
    }),
  );
  const outline = input.maps.epcis.get(epci.code);
  return {
    shared: {
      schemaVersion: 1,
      fictional: input.config.fictional,
      site: { name: input.config.name, publisher: input.config.publisher },
      build: { date: input.buildDate, cogVintage: territories.cogVintage },
      epci: { code: epci.code, name: epci.name, nature: epci.nature, communeCount: epci.communes.length, agreement },
      published,
      ...plan,
      references,
      indicators,
      ...(outline ? { outline } : {}),
    },
    communes: communesIn(input, epci.code).map((commune) => {
      const geometry = input.maps.communes.get(commune.code);
      return {
        commune: { code: commune.code, name: commune.name, population: commune.population },
        values: Object.fromEntries(ids.map((id) => [id, ownValue(input.computed.byId.get(id)!.commune.get(commune.code) ?? { status: "missing" })])),
        ...(geometry ? { geometry } : {}),
      };
    }),
  };
}
