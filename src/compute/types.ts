// The artefact of the compute stage: every indicator at every level, before secrecy and comparison.
import type { Value } from "../model/types";
import type { FranceScope } from "../territories/france";
import type { ValuesByCode } from "./values";

/** Values of one indicator by territory code, for each level. */
export interface IndicatorValues {
  commune: ValuesByCode;
  epci: Map<string, Value>;
  group: Map<string, Value>;
  departement: Value;
  region: Value;
  france: Value;
  /** Which France `france` describes. */
  franceScope: FranceScope;
  /** Where both a producer's row and the sum of the communes were known: compared by the quality checks. */
  referenceChecks?: ReferenceCheck[];
}

export type ReferenceLevel = "departement" | "region" | "france";

export interface ReferenceCheck {
  level: ReferenceLevel;
  producer: number;
  sum: number;
}

/**
 * The count that statistical secrecy looks at for a value: the value itself for a count,
 * the numerator for a share or a rate. Undefined when the indicator is not a count of people.
 */
export type SecrecyCount = (value: Value) => number | undefined;

export interface ComputedIndicators {
  byId: Map<string, IndicatorValues>;
}
