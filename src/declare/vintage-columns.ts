// Census columns carry their vintage in their name (P22_POP in RP 2022, P23_POP the next year): a
// declaration may write it <AA>, the last two digits of the column's own vintage or else of the
// source's, so that a new vintage is one `vintage:` to change ({AA} would end a YAML flow mapping).
// Resolved here, once, so that every later stage, and every message, sees the real column name.
import type { DeclarationIssue } from "./issues";
import { columnName, type Source } from "./schemas";
import { issueAt } from "./yaml-file";
import type { Located } from "./yaml-file";

export const VINTAGE_PLACEHOLDER = "<AA>";

/** The two digits <AA> stands for, or undefined when the vintage is not a year (2016-2021, 4e trimestre 2023). */
export const vintageDigits = (vintage: string): string | undefined => /^\d{2}(\d{2})$/.exec(vintage.trim())?.[1];

/** Each source with <AA> replaced in its columns; a vintage that is not a year is reported. */
export function resolveVintageColumns(sources: Located<Source>[], issues: DeclarationIssue[]): Located<Source>[] {
  return sources.map((located) => {
    const source = located.value;
    if (!Object.values(source.columns).some((ref) => columnName(ref).includes(VINTAGE_PLACEHOLDER))) return located;
    const columns = Object.fromEntries(
      Object.entries(source.columns).map(([variable, ref]) => {
        const [column, vintage] = typeof ref === "string" ? [ref, source.vintage] : [ref.column, ref.vintage];
        if (!column.includes(VINTAGE_PLACEHOLDER)) return [variable, ref];
        const digits = vintageDigits(vintage);
        if (digits === undefined) {
          issues.push(
            issueAt(
              located.yaml,
              [...located.path, "columns", variable],
              `${VINTAGE_PLACEHOLDER} dans « ${column} » demande un millésime sur quatre chiffres, pas « ${vintage} »`,
              "Écrire le nom exact de la colonne, ou donner à la colonne son millésime : { column: …, vintage: \"2016\" }.",
            ),
          );
          return [variable, ref];
        }
        const resolved = column.replaceAll(VINTAGE_PLACEHOLDER, digits);
        return [variable, typeof ref === "string" ? resolved : { ...ref, column: resolved }];
      }),
    );
    return { ...located, value: { ...source, columns } };
  });
}
