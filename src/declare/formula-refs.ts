// The "source.variable" references of a formula, with their path inside the indicator.
import type { Formula, Level, Source } from "./schemas";
import type { PathSegment } from "./yaml-file";

export interface VariableRef {
  source: string;
  variable: string;
  /** Path from the indicator, e.g. ["formula", "numerator", 1]. */
  path: PathSegment[];
}

const REF_FIELDS = ["value", "numerator", "denominator", "area", "from", "to"] as const;

export function formulaRefs(formula: Formula): VariableRef[] {
  return REF_FIELDS.flatMap((field) => {
    const refs = (formula as Partial<Record<(typeof REF_FIELDS)[number], string | string[]>>)[field];
    if (refs === undefined) return [];
    const list =
      typeof refs === "string" ? [{ ref: refs, path: ["formula", field] }] : refs.map((ref, i) => ({ ref, path: ["formula", field, i] }));
    return list.map(({ ref, path }) => {
      const [source, variable] = ref.split(".");
      return { source, variable, path };
    });
  });
}

/** Levels at which a source gives rows. */
export function sourceLevels(source: Source): Set<Level> {
  return new Set("level" in source.code ? [source.code.level] : Object.values(source.code.levels));
}
