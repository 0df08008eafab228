// Compute every indicator at commune, EPCI, group, département, région and France.
import type { Indicator, Level } from "../declare/schemas";
import type { Value } from "../model/types";
import type { Territories } from "../territories/types";
import { producerComponent, summedComponent, type Component, type SourceIndex } from "./components";
import { evaluate, formulaParts } from "./formula";
import type { ComputedIndicators, IndicatorValues } from "./types";

const NOT_AT_THIS_LEVEL: Value = { status: "not-applicable", reason: "non publié à cette échelle" };

export function computeIndicators(indicators: Indicator[], index: SourceIndex, territories: Territories): ComputedIndicators {
  const byId = new Map<string, IndicatorValues>();
  const allCommunes = territories.communes.map((c) => c.code);
  for (const indicator of indicators) byId.set(indicator.id, computeOne(indicator, index, territories, allCommunes));
  return { byId };
}

function computeOne(indicator: Indicator, index: SourceIndex, territories: Territories, allCommunes: string[]): IndicatorValues {
  const parts = formulaParts(indicator.formula);
  const published = indicator.aggregation === "published";

  const refs = Object.values(parts).flat();
  const fromProducer = (level: Level, code: string): Value =>
    // A level a producer does not publish at all is "not at this level", not a gap in the data.
    refs.every((ref) => index.hasLevel(ref, level))
      ? evaluate(indicator.formula, mapParts(parts, (r) => producerComponent(index, r, level, code)))
      : NOT_AT_THIS_LEVEL;
  const summed = (communes: string[]): Value =>
    evaluate(indicator.formula, mapParts(parts, (refs) => summedComponent(index, refs, communes)));
  const aggregate = (level: Level, code: string, communes: string[]): Value =>
    published ? fromProducer(level, code) : summed(communes);

  const commune = new Map(territories.communes.map((c) => [c.code, fromProducer("commune", c.code)]));
  const epci = new Map(territories.epcis.map((e) => [e.code, aggregate("epci", e.code, e.communes)]));
  const group = new Map(
    (territories.groups?.items ?? []).map((g) => [g.code, published ? NOT_AT_THIS_LEVEL : summed(g.communes)]),
  );

  // Reference levels: the producer's own rows first; a sum only for an additive indicator
  // over the whole département (the région and France are never fully covered by our communes).
  const depCode = territories.departement.code;
  const depProducer = fromProducer("departement", depCode);
  const departement = depProducer.status !== "not-applicable" || published ? depProducer : summed(allCommunes);
  return {
    commune,
    epci,
    group,
    departement,
    region: fromProducer("region", territories.region.code),
    france: fromProducer("france", "FRANCE"),
  };
}

function mapParts(parts: Record<string, string | string[]>, fn: (refs: string | string[]) => Component): Record<string, Component> {
  return Object.fromEntries(Object.entries(parts).map(([role, refs]) => [role, fn(refs)]));
}
