// "Vouliez-vous dire …" suggestions for mistyped names (keys, ids, enum values).
import { distance } from "fastest-levenshtein";

/** Up to `max` of the closest candidates: smallest edit distance (a containment counts as 0), within a limit. */
export function closest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const wanted = name.toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length * 0.4));
  const scored = [...new Set(candidates)]
    .map((candidate) => {
      const other = candidate.toLowerCase();
      const contains = Math.min(wanted.length, other.length) >= 3 && (other.includes(wanted) || wanted.includes(other));
      return { candidate, score: contains ? 0 : distance(wanted, other) };
    })
    .filter(({ candidate, score }) => score <= limit && candidate !== name)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  // Only the best tier: "unite" suggests "unit", not also "note".
  return scored
    .filter(({ score }) => score === scored[0].score)
    .slice(0, max)
    .map(({ candidate }) => candidate);
}

/** "Vouliez-vous dire : a, b ?", or undefined when nothing is close enough. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const close = closest(name, candidates);
  return close.length > 0 ? `Vouliez-vous dire : ${close.join(", ")} ?` : undefined;
}
