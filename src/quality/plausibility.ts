// Values no real territory can have: they block publication, located in the producer's file. A typo
// in a commune's population (99 999 999 999) would otherwise pass every bound and be published.
import { columnName, type Indicator, type Source } from "../declare/schemas";
import { formatNumber } from "../format/number";
import { isCountUnit } from "../format/unit";
import type { SourceTable } from "../read/types";
import type { Finding } from "./findings";

/** More than France's whole population (68 million in 2023): no territory counts that many of anything it holds. */
export const MAX_COUNT = 70_000_000;
const EXAMPLES = 5;

/** Variables of a logical source that count people or things: the parts of sums, shares, rates and densities. */
export function countedVariables(indicators: Iterable<Indicator>, sourceId: string): Set<string> {
  const refs: string[] = [];
  for (const { formula, unit } of indicators) {
    if (formula.kind === "share" || formula.kind === "rate") refs.push(...[formula.numerator, formula.denominator].flat());
    else if (formula.kind === "density") refs.push(...[formula.numerator].flat());
    else if (formula.kind === "count" && isCountUnit(unit)) refs.push(...[formula.value].flat());
    else if (formula.kind === "evolution" && isCountUnit(unit)) refs.push(...[formula.from, formula.to].flat());
  }
  return new Set(refs.filter((ref) => ref.startsWith(`${sourceId}.`)).map((ref) => ref.slice(sourceId.length + 1)));
}

/** One error per column holding a count above MAX_COUNT, with the first lines where it does. */
export function plausibilityFindings(table: SourceTable, source: Source, counted: Set<string>): Finding[] {
  const over = new Map<string, { line: number; value: number }[]>();
  for (const row of table.rows)
    for (const variable of counted) {
      const cell = row.cells[variable];
      if (cell?.status === "ok" && cell.value > MAX_COUNT) over.set(variable, [...(over.get(variable) ?? []), { line: row.line, value: cell.value }]);
    }
  return [...over].map(([variable, found]) => {
    const column = columnName(source.columns[variable]);
    const lines = found.slice(0, EXAMPLES).map((f) => `ligne ${f.line} : ${formatNumber(f.value, 0)}`);
    return {
      rule: "implausible-count",
      severity: "error",
      file: table.file,
      message:
        `colonne ${column} : ${lines.join(", ")}${found.length > EXAMPLES ? ` et ${found.length - EXAMPLES} autres lignes` : ""} — ` +
        `plus que la population de toute la France (${formatNumber(MAX_COUNT / 1e6, 0)} millions) : aucun territoire ne peut en compter autant.`,
      hint: "Corrigez la valeur dans le fichier (chiffre en trop, colonne décalée, séparateur de milliers) ou vérifiez la colonne déclarée.",
    };
  });
}
