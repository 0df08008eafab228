// Compute every indicator at commune, EPCI, group, département, région and France.
import type { Formula, Indicator, Level } from "../declare/schemas";
import type { Value } from "../model/types";
import type { Territories } from "../territories/types";
import { communeComponent, producerComponent, refsOf, shownSum, summedComponent, type CommuneColumn, type Component, type SourceIndex } from "./components";
import { evaluate, formulaParts, fromNumbers } from "./formula";
import type { ComputedIndicators, IndicatorValues } from "./types";
import { ValueColumn } from "./values";

const NOT_AT_THIS_LEVEL: Value = { status: "not-applicable", reason: "non publié à cette échelle" };

/** Communes as positions in the referential. */
interface Layout {
  territories: Territories;
  position: Map<string, number>;
  all: number[];
  epcis: number[][];
  groups: number[][];
}

export function computeIndicators(indicators: Indicator[], index: SourceIndex, territories: Territories): ComputedIndicators {
  const codes = territories.communes.map((c) => c.code);
  const position = new Map(codes.map((code, i) => [code, i]));
  const positionsOf = (communes: string[]) => communes.map((code) => position.get(code)!);
  const layout: Layout = {
    territories,
    position,
    all: codes.map((_, i) => i),
    epcis: territories.epcis.map((e) => positionsOf(e.communes)),
    groups: (territories.groups?.items ?? []).map((g) => positionsOf(g.communes)),
  };
  const byId = new Map<string, IndicatorValues>();
  for (const indicator of indicators) byId.set(indicator.id, computeOne(indicator, index, layout));
  return { byId };
}

function computeOne(indicator: Indicator, index: SourceIndex, { territories, position, all, epcis, groups }: Layout): IndicatorValues {
  const parts = Object.entries(formulaParts(indicator.formula)).map(([role, refs]) => {
    const list = refsOf(refs);
    return { role, refs: list, columns: list.map((ref) => index.communeColumn(ref)) };
  });
  const published = indicator.aggregation === "published";
  const withParts = (fn: (part: (typeof parts)[number]) => Component): Value => {
    const components: Record<string, Component> = {};
    for (const part of parts) components[part.role] = fn(part);
    return evaluate(indicator.formula, components);
  };

  // A level a producer does not publish at all is "not at this level", not a gap in the data.
  const atLevel = (level: Level) => parts.every(({ refs }) => refs.every((ref) => index.hasLevel(ref, level)));
  const fromProducer = (level: Level, code: string): Value =>
    atLevel(level) ? withParts(({ refs }) => producerComponent(index, refs, level, code)) : NOT_AT_THIS_LEVEL;
  const summed = (positions: number[]): Value => withParts(({ columns }) => summedComponent(columns, positions));
  const aggregate = (level: Level, code: string, positions: number[]): Value => (published ? fromProducer(level, code) : summed(positions));

  const commune = new ValueColumn(position);
  if (atLevel("commune")) communeValues(indicator.formula, parts, commune);
  else for (let i = 0; i < commune.size; i++) commune.setAt(i, NOT_AT_THIS_LEVEL);
  const epci = new Map(territories.epcis.map((e, i) => [e.code, aggregate("epci", e.code, epcis[i])]));
  const group = new Map((territories.groups?.items ?? []).map((g, i) => [g.code, published ? NOT_AT_THIS_LEVEL : summed(groups[i])]));

  // Reference levels: the producer's own rows first; a sum only for an additive indicator
  // over the whole département (the région and France are never fully covered by our communes).
  const depProducer = fromProducer("departement", territories.departement.code);
  const departement = depProducer.status !== "not-applicable" || published ? depProducer : summed(all);
  return {
    commune,
    epci,
    group,
    departement,
    region: fromProducer("region", territories.region.code),
    france: fromProducer("france", "FRANCE"),
  };
}

/**
 * Every commune's value, in a plain loop: communes times indicators make millions of values.
 * Where every cell is shown (most communes), straight from the numbers.
 */
function communeValues(formula: Formula, parts: { role: string; columns: CommuneColumn[] }[], out: ValueColumn): void {
  const components: Record<string, Component> = {}; // refilled for each commune: evaluate keeps nothing of it
  for (let i = 0; i < out.size; i++) {
    const num = shownSum(parts[0].columns, i);
    const den = parts.length > 1 ? shownSum(parts[1].columns, i) : undefined;
    if (num !== undefined && (parts.length === 1 || den !== undefined)) out.setAt(i, fromNumbers(formula, num, den));
    else {
      for (const { role, columns } of parts) components[role] = communeComponent(columns, i);
      out.setAt(i, evaluate(formula, components));
    }
  }
}
