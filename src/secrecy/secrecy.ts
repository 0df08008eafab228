// Statistical secrecy: no count of 1 to 4 people is published, nor anything it can be worked
// out from. Primary suppression hides small counts (and rates whose numerator is one);
// complementary suppression then hides further cells wherever a hidden one could be
// recovered as a total minus the rest (a territory minus its other parts, a whole minus its
// other categories), until nothing changes.
import type { Indicator } from "../declare/schemas";
import type { ComputedIndicators, IndicatorValues } from "../compute/types";
import type { Value } from "../model/types";
import type { Territories } from "../territories/types";

export const SMALL_COUNT_REASON = "effectif inférieur à 5";
export const COMPLEMENTARY_REASON = "secret complémentaire (éviterait de recalculer une valeur secrète)";

/** Whether an indicator counts people (its value, or its numerator for a ratio). */
export function countsPeople(indicator: Indicator): boolean {
  if (indicator.isCount !== undefined) return indicator.isCount;
  return ["count", "share", "rate"].includes(indicator.formula.kind);
}

/** The count secrecy looks at: the value of a count, the numerator of a share or a rate. */
function secrecyCount(indicator: Indicator, value: Value): number | undefined {
  if (value.status !== "ok") return undefined;
  return indicator.formula.kind === "count" ? value.value : value.numerator;
}

const isSmall = (count: number | undefined) => count !== undefined && count > 0 && count < 5;

/** A small count, or a share of fewer than 5 people (its denominator is published in downloads). */
function needsPrimary(indicator: Indicator, value: Value): boolean {
  if (value.status !== "ok") return false;
  return isSmall(secrecyCount(indicator, value)) || (indicator.formula.kind !== "count" && isSmall(value.denominator));
}

function hide(reason: string): Value {
  return { status: "secret", reason };
}

/** A slot holding one value that a rule may hide: where it lives, so it can be replaced. */
interface Slot {
  indicator: Indicator;
  get(): Value;
  set(value: Value): void;
  count(): number | undefined;
}

function mapSlot(indicator: Indicator, map: Map<string, Value>, code: string): Slot {
  return {
    indicator,
    get: () => map.get(code)!,
    set: (value) => map.set(code, value),
    count: () => secrecyCount(indicator, map.get(code)!),
  };
}

function fieldSlot(indicator: Indicator, values: IndicatorValues, field: "departement" | "region" | "france"): Slot {
  return {
    indicator,
    get: () => values[field],
    set: (value) => (values[field] = value),
    count: () => secrecyCount(indicator, values[field]),
  };
}

/** Every value of an indicator as slots, keyed by "level:code" so categories can be lined up. */
function slotsOf(indicator: Indicator, values: IndicatorValues): Map<string, Slot> {
  const slots = new Map<string, Slot>();
  for (const level of ["commune", "epci", "group"] as const)
    for (const code of values[level].keys()) slots.set(`${level}:${code}`, mapSlot(indicator, values[level], code));
  for (const field of ["departement", "region", "france"] as const) slots.set(field, fieldSlot(indicator, values, field));
  return slots;
}

/**
 * One linear relation "whole = sum of parts" (for categories, the whole is published elsewhere).
 * If the whole is shown and exactly one part is hidden, the smallest shown part is hidden too.
 * Returns true when it hid something.
 */
function protect(parts: Slot[], whole?: Slot): boolean {
  if (whole && whole.get().status !== "ok") return false;
  const hidden = parts.filter((p) => p.get().status === "secret");
  if (hidden.length !== 1) return false;
  const shown = parts.filter((p) => p.get().status === "ok" && p.count() !== undefined);
  if (shown.length === 0) return false;
  const smallest = shown.reduce((a, b) => (b.count()! < a.count()! ? b : a));
  smallest.set(hide(COMPLEMENTARY_REASON));
  return true;
}

export interface SecrecyInput {
  indicators: Indicator[];
  computed: ComputedIndicators;
  territories: Territories;
  /** Groups of indicators that are categories of one whole (pyramid, stacked bars, donuts). */
  categoryGroups: string[][];
}

/** Applies secrecy in place and returns the number of values hidden by each rule. */
export function applySecrecy({ indicators, computed, territories, categoryGroups }: SecrecyInput): { primary: number; complementary: number } {
  const people = indicators.filter(countsPeople);
  const slotsById = new Map(people.map((ind) => [ind.id, slotsOf(ind, computed.byId.get(ind.id)!)]));
  let primary = 0;
  for (const slots of slotsById.values())
    for (const slot of slots.values())
      if (needsPrimary(slot.indicator, slot.get())) {
        slot.set(hide(SMALL_COUNT_REASON));
        primary++;
      }

  const relations: [string, string[]][] = [
    ...territories.epcis.map((e): [string, string[]] => [`epci:${e.code}`, e.communes.map((c) => `commune:${c}`)]),
    ...(territories.groups?.items ?? []).map((g): [string, string[]] => [`group:${g.code}`, g.communes.map((c) => `commune:${c}`)]),
    ["departement", territories.communes.map((c) => `commune:${c.code}`)],
    ["departement", departementParts(territories)],
  ];
  let complementary = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const slots of slotsById.values())
      for (const [whole, parts] of relations)
        if (protect(parts.map((p) => slots.get(p)!), slots.get(whole)!)) {
          complementary++;
          changed = true;
        }
    for (const group of categoryGroups) {
      const members = group.map((id) => slotsById.get(id)).filter((s) => s !== undefined);
      if (members.length < 2) continue;
      for (const key of members[0].keys()) {
        const parts = members.map((m) => m.get(key)!);
        if (protect(parts)) {
          complementary++;
          changed = true;
        }
      }
    }
  }
  return { primary, complementary };
}

/** The département as its EPCIs plus the communes that belong to none of them. */
function departementParts(territories: Territories): string[] {
  const inEpci = new Set(territories.epcis.flatMap((e) => e.communes));
  return [
    ...territories.epcis.map((e) => `epci:${e.code}`),
    ...territories.communes.filter((c) => !inEpci.has(c.code)).map((c) => `commune:${c.code}`),
  ];
}
