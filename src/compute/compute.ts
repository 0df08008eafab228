// Compute every indicator at commune, EPCI, group, département, région and France.
import type { Formula, Indicator, Level } from "../declare/schemas";
import type { Value } from "../model/types";
import type { Territories } from "../territories/types";
import {
  combine,
  communeComponent,
  producerComponent,
  refsOf,
  shownSum,
  summedComponent,
  type CommuneColumn,
  type Component,
  type SourceIndex,
  type SummedReference,
} from "./components";
import { epciPartitionProblem } from "./epci-partition";
import { evaluate, formulaParts, fromNumbers } from "./formula";
import type { ComputedIndicators, IndicatorValues, ReferenceCheck, ReferenceLevel } from "./types";
import { ValueColumn } from "./values";

const NOT_AT_THIS_LEVEL: Value = { status: "not-applicable", reason: "non publié à cette échelle" };

/** Communes as positions in the referential. */
interface Layout {
  territories: Territories;
  position: Map<string, number>;
  all: number[];
  epcis: number[][];
  groups: number[][];
  /** Why the département is not the sum of its EPCIs, if it is not. */
  partitionProblem?: string;
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
    partitionProblem: epciPartitionProblem(territories),
  };
  const byId = new Map<string, IndicatorValues>();
  for (const indicator of indicators) byId.set(indicator.id, computeOne(indicator, index, layout));
  return { byId };
}

function computeOne(indicator: Indicator, index: SourceIndex, { territories, position, all, epcis, groups, partitionProblem }: Layout): IndicatorValues {
  const epciCodes = territories.epcis.map((e) => e.code);
  const parts = Object.entries(formulaParts(indicator.formula)).map(([role, refs]) => {
    const list = refsOf(refs);
    // A variable a partner gives by EPCI and not by commune: each EPCI has its own row, the communes none.
    const byEpci = list.filter((ref) => !index.hasLevel(ref, "commune") && index.hasLevel(ref, "epci"));
    const ofCommunes = list.filter((ref) => !byEpci.includes(ref));
    return { role, refs: list, byEpci, columns: ofCommunes.map((ref) => index.communeColumn(ref)) };
  });
  const anyByEpci = parts.some(({ byEpci }) => byEpci.length > 0);
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
  // Each part summed over communes, plus what its EPCI-only variables give there (`byEpci`, for
  // an EPCI and the département; a group is never asked for those).
  const summed = (positions: number[], byEpci?: (refs: string[]) => Component): Value =>
    withParts(({ columns, byEpci: refs }) => (refs.length && byEpci ? combine([summedComponent(columns, positions), byEpci(refs)]) : summedComponent(columns, positions)));
  const epciRows = (code: string) => (refs: string[]) => producerComponent(index, refs, "epci", code);
  const sumOfEpcis = (refs: string[]): Component =>
    partitionProblem
      ? { status: "missing", reason: partitionProblem }
      : summedComponent(refs.map((ref) => index.levelColumn(ref, "epci", epciCodes)), epciCodes.map((_, i) => i), "epci");
  const aggregate = (level: Level, code: string, positions: number[]): Value => (published ? fromProducer(level, code) : summed(positions, epciRows(code)));

  const commune = new ValueColumn(position);
  if (atLevel("commune")) communeValues(indicator.formula, parts, commune);
  else for (let i = 0; i < commune.size; i++) commune.setAt(i, NOT_AT_THIS_LEVEL);
  const epci = new Map(territories.epcis.map((e, i) => [e.code, aggregate("epci", e.code, epcis[i])]));
  // A group is made of communes: an EPCI's row cannot be shared out among them.
  const group = new Map((territories.groups?.items ?? []).map((g, i) => [g.code, published || anyByEpci ? NOT_AT_THIS_LEVEL : summed(groups[i])]));

  // Reference levels: a non-additive value is the producer's own; an additive one is the
  // producer's row or the sum of the communes, as the source declares (`references`), the sum
  // being the département's communes (its EPCIs' rows for an EPCI-only variable) or, for the
  // région and France, a national file's.
  const checks: ReferenceCheck[] = [];
  const reference = (level: ReferenceLevel, code: string, sum: () => Value | undefined): { value: Value; from: "producer" | "sum" } => {
    const producer = fromProducer(level, code);
    if (published) return { value: producer, from: "producer" };
    const total = sum();
    if (total?.status === "ok" && producer.status === "ok") checks.push({ level, producer: producer.value!, sum: total.value! });
    const preferSum = parts.every(({ refs }) => refs.every((ref) => index.prefersSum(ref)));
    if (total && (preferSum || producer.status === "not-applicable")) return { value: total, from: "sum" };
    return { value: producer, from: "producer" };
  };
  const nationalSum = (level: SummedReference) => () =>
    parts.every(({ refs }) => refs.every((ref) => index.referenceSum(ref, level)))
      ? withParts(({ refs }) => combine(refs.map((ref) => index.referenceSum(ref, level)!)))
      : undefined;
  const france = reference("france", "FRANCE", nationalSum("france"));
  const scopes = new Set(parts.flatMap(({ refs }) => refs.map((ref) => index.franceScope(ref, france.from === "sum" ? "commune" : "france"))));
  const franceScope = scopes.size === 1 ? [...scopes][0] : undefined;
  // France is one territory only if every part of the value covers the same France.
  if (franceScope === undefined && france.value.status === "ok") france.value = { status: "missing", reason: "les fichiers ne couvrent pas la même France" };
  // A producer's row and a sum of another France are not the same territory: not compared.
  const compared = checks.filter((c) => c.level !== "france" || scopes.size === 1);
  return {
    commune,
    epci,
    group,
    departement: reference("departement", territories.departement.code, () => summed(all, sumOfEpcis)).value,
    region: reference("region", territories.region.code, nationalSum("region")).value,
    france: france.value,
    franceScope: franceScope ?? "entiere",
    ...(compared.length ? { referenceChecks: compared } : {}),
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
