// Comparing an EPCI with its references: differences in the indicator's unit (points for
// percentages), ratios, and its rank among the département's EPCIs.
import type { IndicatorValues } from "../compute/types";
import type { Comparison, LevelValue, Value } from "../model/types";

/** EPCI minus reference and EPCI / reference, for every reference whose value is shown. */
export function compareWith(epci: Value, references: LevelValue[]): Comparison[] {
  if (epci.status !== "ok") return [];
  return references
    .filter((ref) => ref.status === "ok")
    .map((ref) => ({
      level: ref.level,
      difference: epci.value! - ref.value!,
      ...(ref.value !== 0 ? { ratio: epci.value! / ref.value! } : {}),
    }));
}

/** Rank 1 = highest value among the EPCIs whose value is shown; ties share a rank. */
export function rankAmongEpcis(values: IndicatorValues, epciCode: string): { rank: number; of: number } | undefined {
  const own = values.epci.get(epciCode);
  if (own?.status !== "ok") return undefined;
  const shown = [...values.epci.values()].filter((v) => v.status === "ok").map((v) => v.value!);
  return { rank: 1 + shown.filter((v) => v > own.value!).length, of: shown.length };
}
