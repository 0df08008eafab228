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

export type Rank = { rank: number; of: number };

/**
 * The rank of every EPCI whose value is shown, by code, from one sort: rank 1 = highest value;
 * ties share a rank (1 + the number of higher values). Only the EPCIs `published` keeps count: one
 * without a signed CTG publishes nothing, so neither its portrait nor its indicator pages rank it.
 */
export function epciRanks(values: Pick<IndicatorValues, "epci">, published: (code: string) => boolean): Map<string, Rank> {
  const shown = [...values.epci].filter(([code, v]) => v.status === "ok" && published(code)).sort(([, a], [, b]) => b.value! - a.value!);
  const ranks = new Map<string, Rank>();
  let rank = 0;
  shown.forEach(([code, v], i) => {
    if (i === 0 || v.value! < shown[i - 1][1].value!) rank = i + 1;
    ranks.set(code, { rank, of: shown.length });
  });
  return ranks;
}
