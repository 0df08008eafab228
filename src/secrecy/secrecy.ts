// Statistical secrecy: no count of 1 to 4 people is published, nor anything it can be worked
// out from. Primary suppression hides small counts (and rates whose numerator is one);
// complementary suppression then hides further cells wherever a hidden one could be
// recovered as a total minus the rest (a territory minus its other parts, a whole minus its
// other categories), until nothing changes.
import type { Indicator } from "../declare/schemas";
import type { ComputedIndicators, IndicatorValues } from "../compute/types";
import { eachValue, ValueColumn } from "../compute/values";
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
function secrecyCount(indicator: Indicator, value: Readonly<Value>): number | undefined {
  if (value.status !== "ok") return undefined;
  return indicator.formula.kind === "count" ? value.value : value.numerator;
}

const isSmall = (count: number | undefined) => count !== undefined && count > 0 && count < 5;

/** A small count, or a share of fewer than 5 people (its denominator is published in downloads). */
function needsPrimary(indicator: Indicator, value: Readonly<Value>): boolean {
  if (value.status !== "ok") return false;
  return isSmall(secrecyCount(indicator, value)) || (indicator.formula.kind !== "count" && isSmall(value.denominator));
}

const SMALL_COUNT: Value = { status: "secret", reason: SMALL_COUNT_REASON };
const COMPLEMENTARY: Value = { status: "secret", reason: COMPLEMENTARY_REASON };

/** Where a value lives: a territory of a level held by code, or a reference level held alone. */
type Place = { level: "commune" | "epci" | "group"; code: string } | { level: "departement" | "region" | "france" };

/**
 * Every territory in one fixed order (communes, EPCIs, groups, département, région, France), shared
 * by all indicators: relations are then lists of positions, worked out once for every indicator.
 */
function placesOf(territories: Territories): Place[] {
  return [
    ...territories.communes.map((c) => ({ level: "commune" as const, code: c.code })),
    ...territories.epcis.map((e) => ({ level: "epci" as const, code: e.code })),
    ...(territories.groups?.items ?? []).map((g) => ({ level: "group" as const, code: g.code })),
    { level: "departement" },
    { level: "region" },
    { level: "france" },
  ];
}

// What secrecy looks at in a value: shown (with a count or without), hidden, or neither.
const COUNTED = 0;
const UNCOUNTED = 1;
const SECRET = 2;
const NOT_SHOWN = 3;

/**
 * An indicator's values in the order of the places, reduced to their state and count (typed
 * arrays: values are many), after the primary rule. Hiding one writes it through to the values.
 */
class Slots {
  readonly state: Uint8Array;
  readonly count: Float64Array;
  primary = 0;
  /** The positions hidden, in order, and whether each was by the complementary rule (1) or the primary one (0). */
  readonly hidden: number[] = [];
  readonly complementary: number[] = [];

  constructor(
    readonly indicator: Indicator,
    private readonly values: IndicatorValues,
    private readonly places: Place[],
  ) {
    this.state = new Uint8Array(places.length);
    this.count = new Float64Array(places.length);
    // Values are read in their own order, which must be the places' (computeIndicators keeps the
    // referential's): looking millions of them up by code would cost more than the whole rule.
    let i = 0;
    for (const level of ["commune", "epci", "group"] as const)
      eachValue(values[level], (value, code) => {
        const place = places[i];
        if (!place || !("code" in place) || place.level !== level || place.code !== code)
          throw new Error(`secret statistique : les valeurs de ${indicator.id} ne suivent pas l'ordre des territoires (${level} ${code})`);
        this.read(i++, value);
      });
    for (const level of ["departement", "region", "france"] as const) this.read(i++, values[level]);
  }

  /** The primary rule, then what the other rules look at. */
  private read(i: number, value: Readonly<Value>): void {
    if (needsPrimary(this.indicator, value)) {
      this.hide(i, SMALL_COUNT);
      this.primary++;
      return;
    }
    const count = secrecyCount(this.indicator, value);
    this.state[i] = value.status === "secret" ? SECRET : value.status !== "ok" ? NOT_SHOWN : count === undefined ? UNCOUNTED : COUNTED;
    this.count[i] = count ?? 0;
  }

  hide(i: number, value: Value): void {
    this.state[i] = SECRET;
    this.hidden.push(i);
    this.complementary.push(value === COMPLEMENTARY ? 1 : 0);
    writeAt(this.values, this.places, i, value);
  }
}

/** Writes `value` at position `i` of the places; the communes come first, in their column's order (checked by Slots). */
function writeAt(values: IndicatorValues, places: Place[], i: number, value: Value): void {
  const place = places[i];
  const communes = values.commune;
  if (place.level === "commune" && communes instanceof ValueColumn) communes.setAt(i, value);
  else if ("code" in place) values[place.level].set(place.code, value);
  else values[place.level] = value;
}

/** The parts of one relation "whole = sum of parts": the k-th part's state, its count, and hiding it. */
interface Parts {
  size: number;
  state(k: number): number;
  count(k: number): number;
  hide(k: number): void;
}

// Classes rather than objects of arrow functions: relations are checked millions of times, and
// each function made on the fly costs (more so as tsx names every one).

/** Parts that are territories of one indicator. */
class Territorial implements Parts {
  constructor(
    private readonly slots: Slots,
    private readonly positions: number[],
  ) {}
  get size() {
    return this.positions.length;
  }
  state(k: number) {
    return this.slots.state[this.positions[k]];
  }
  count(k: number) {
    return this.slots.count[this.positions[k]];
  }
  hide(k: number) {
    this.slots.hide(this.positions[k], COMPLEMENTARY);
  }
}

/** Parts that are categories (one indicator each) at one territory. */
class Categorical implements Parts {
  constructor(
    private readonly members: Slots[],
    private readonly position: number,
  ) {}
  get size() {
    return this.members.length;
  }
  state(k: number) {
    return this.members[k].state[this.position];
  }
  count(k: number) {
    return this.members[k].count[this.position];
  }
  hide(k: number) {
    this.members[k].hide(this.position, COMPLEMENTARY);
  }
}

/**
 * One linear relation "whole = sum of parts" (for categories, the whole is published elsewhere).
 * If the whole is shown and exactly one part is hidden, the smallest shown part is hidden too
 * (the first of equals). Returns true when it hid something.
 */
function protect(parts: Parts, whole: number = COUNTED): boolean {
  if (whole !== COUNTED && whole !== UNCOUNTED) return false;
  let hidden = 0;
  for (let k = 0; k < parts.size; k++) if (parts.state(k) === SECRET && ++hidden > 1) return false;
  if (hidden !== 1) return false;
  let smallest = -1;
  for (let k = 0; k < parts.size; k++)
    if (parts.state(k) === COUNTED && (smallest < 0 || parts.count(k) < parts.count(smallest))) smallest = k;
  if (smallest < 0) return false;
  parts.hide(smallest);
  return true;
}

export interface SecrecyInput {
  indicators: Indicator[];
  /** Values keyed by the codes of `territories` (as computeIndicators gives them). */
  computed: ComputedIndicators;
  territories: Territories;
  /** Groups of indicators that are categories of one whole (pyramid, stacked bars, donuts). */
  categoryGroups: string[][];
}

/**
 * What secrecy hid in the values of a component (see `applySecrecy`): per indicator of it, in order,
 * the positions hidden (in the order of the places) and by which rule; and how many by each rule.
 */
export interface HiddenValues {
  primary: number;
  complementary: number;
  indicators: { positions: Int32Array; complementary: Uint8Array }[];
}

/** Where the hidden values of a component are kept between builds (src/pipeline/secrecy-cache.ts). */
export interface SecrecyStore {
  /** What an earlier build hid in this component, if its values are the same. */
  get(component: Indicator[], groups: string[][]): HiddenValues | undefined;
  put(component: Indicator[], groups: string[][], hidden: HiddenValues): void;
}

/**
 * Applies secrecy in place and returns the number of values hidden by each rule. The indicators
 * linked by category groups form components, each hidden on its own: no rule looks across two, so
 * the result is the same as over all at once, and a component an earlier build hid with the same
 * values is taken from `store` as it was.
 */
export function applySecrecy({ indicators, computed, territories, categoryGroups }: SecrecyInput, store?: SecrecyStore): { primary: number; complementary: number } {
  const places = placesOf(territories);
  const relations = relationsOf(territories);
  const total = { primary: 0, complementary: 0 };
  for (const { members, groups } of componentsOf(indicators.filter(countsPeople), categoryGroups)) {
    const known = store?.get(members, groups);
    const hidden = known ?? hideComponent(members, groups, computed, places, relations);
    if (known)
      members.forEach((indicator, k) => {
        const values = computed.byId.get(indicator.id)!;
        const { positions, complementary } = known.indicators[k];
        positions.forEach((i, n) => writeAt(values, places, i, complementary[n] ? COMPLEMENTARY : SMALL_COUNT));
      });
    else store?.put(members, groups, hidden);
    total.primary += hidden.primary;
    total.complementary += hidden.complementary;
  }
  return total;
}

/** The primary rule, then the complementary one until nothing changes, over one component. */
function hideComponent(members: Indicator[], groups: string[][], computed: ComputedIndicators, places: Place[], relations: Relation[]): HiddenValues {
  const slotsById = new Map(members.map((ind) => [ind.id, new Slots(ind, computed.byId.get(ind.id)!, places)]));
  const categories = groups.map((group) => group.map((id) => slotsById.get(id)!));
  let complementary = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const slots of slotsById.values())
      for (const { whole, parts } of relations)
        if (protect(new Territorial(slots, parts), slots.state[whole])) {
          complementary++;
          changed = true;
        }
    for (const group of categories)
      for (let i = 0; i < places.length; i++)
        if (protect(new Categorical(group, i))) {
          complementary++;
          changed = true;
        }
  }
  const all = [...slotsById.values()];
  return {
    primary: all.reduce((sum, slots) => sum + slots.primary, 0),
    complementary,
    indicators: all.map((slots) => ({ positions: Int32Array.from(slots.hidden), complementary: Uint8Array.from(slots.complementary) })),
  };
}

/**
 * The indicators counting people, in components: those linked by a category group (of at least two
 * of them) together, in the order of `indicators`, with their groups (restricted to them); the others alone.
 */
function componentsOf(indicators: Indicator[], categoryGroups: string[][]): { members: Indicator[]; groups: string[][] }[] {
  const ids = new Set(indicators.map((ind) => ind.id));
  const groups = categoryGroups.map((group) => group.filter((id) => ids.has(id))).filter((group) => group.length >= 2);
  const root = new Map(indicators.map((ind) => [ind.id, ind.id]));
  const find = (id: string): string => (root.get(id) === id ? id : find(root.get(id)!));
  for (const group of groups) for (const id of group.slice(1)) root.set(find(id), find(group[0]));
  const components = new Map<string, { members: Indicator[]; groups: string[][] }>();
  for (const ind of indicators) {
    const key = find(ind.id);
    if (!components.has(key)) components.set(key, { members: [], groups: [] });
    components.get(key)!.members.push(ind);
  }
  for (const group of groups) components.get(find(group[0]))!.groups.push(group);
  return [...components.values()];
}

type Relation = { whole: number; parts: number[] };

/**
 * Positions (in the order of `placesOf`) of each whole and its parts: an EPCI or a group and its
 * communes; the département and its communes; the département and its EPCIs plus the communes
 * that belong to none of them.
 */
function relationsOf(territories: Territories): Relation[] {
  const { communes, epcis } = territories;
  const groups = territories.groups?.items ?? [];
  const position = new Map(communes.map((c, i) => [c.code, i]));
  const positionsOf = (codes: string[]) => codes.map((code) => position.get(code)!);
  const departement = communes.length + epcis.length + groups.length;
  const inEpci = new Set(epcis.flatMap((e) => e.communes));
  return [
    ...epcis.map((e, i) => ({ whole: communes.length + i, parts: positionsOf(e.communes) })),
    ...groups.map((g, i) => ({ whole: communes.length + epcis.length + i, parts: positionsOf(g.communes) })),
    { whole: departement, parts: communes.map((_, i) => i) },
    {
      whole: departement,
      parts: [...epcis.map((_, i) => communes.length + i), ...positionsOf(communes.filter((c) => !inEpci.has(c.code)).map((c) => c.code))],
    },
  ];
}
