// Checks of a new publication against the one on line: a vintage must not go back in time,
// and a count that falls sharply deserves a second look before publishing.
import { isCountUnit } from "../format/unit";
import type { Finding } from "../quality/findings";
import type { Publication } from "./types";

/** The first year named in a vintage ("2021", "4e trimestre 2023", "2015-2020" → 2015). */
const yearOf = (vintage: string) => Number(/\d{4}/.exec(vintage)?.[0] ?? NaN);

/** Counts falling by more than this share between two publications are reported. */
export const FALL_THRESHOLD = 0.1;

export function checkAgainstPublished(previous: Publication | undefined, next: Publication): Finding[] {
  if (!previous) return [];
  const findings: Finding[] = [];
  for (const [id, source] of Object.entries(next.sources)) {
    const was = previous.sources[id];
    if (was && yearOf(source.vintage) < yearOf(was.vintage))
      findings.push({
        rule: "vintage-older",
        severity: "error",
        message: `Le millésime ${source.vintage} de « ${source.dataset} » est plus ancien que celui déjà publié (${was.vintage}).`,
        hint: "Vérifiez que vous avez déposé le bon fichier et déclaré le bon millésime (vintage) dans les sources.",
      });
  }
  for (const [code, values] of Object.entries(next.values))
    for (const [id, after] of Object.entries(values)) {
      const before = previous.values[code]?.[id];
      const meta = next.indicators[id];
      if (!before || before.status !== "ok" || after.status !== "ok" || !isCountUnit(meta.unit)) continue;
      const fall = (before.value! - after.value!) / before.value!;
      if (fall > FALL_THRESHOLD)
        findings.push({
          rule: "count-falls",
          severity: "warning",
          indicator: id,
          territory: code,
          message: `${meta.label} de ${next.epcis[code].name} baisse de ${Math.round(fall * 100)} % (${Math.round(before.value!)} → ${Math.round(after.value!)}).`,
          hint: "Une telle baisse est rare : vérifiez que le fichier couvre toutes les communes et le bon champ avant de publier.",
        });
    }
  return findings;
}
