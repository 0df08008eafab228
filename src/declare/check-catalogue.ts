// Cross-checks between the sources of this configuration and the shared indicator catalogue.
import { basename } from "node:path";
import type { CatalogueIndicator } from "./declarations";
import { formulaRefs } from "./formula-refs";
import type { DeclarationIssue } from "./issues";
import type { Source } from "./schemas";
import { didYouMean } from "./suggest";
import { issueAt, positionOf } from "./yaml-file";
import type { Located } from "./yaml-file";

export interface CatalogueInput {
  /** Sources that passed validation. */
  sources: Located<Source>[];
  /** Every id written in the sources file, valid source or not (so a broken source is not also "unknown"). */
  sourceIds: Located<string>[];
  indicators: Located<CatalogueIndicator>[];
  indicatorIds: Located<string>[];
  /** False when the sources file could not be read: then no source can be said undeclared. */
  sourcesRead: boolean;
}

export interface CatalogueCheck {
  issues: DeclarationIssue[];
  /** Indicator id → ids of the sources it needs that this configuration does not declare. */
  undeclaredSources: Map<string, string[]>;
}

export function checkCatalogue(input: CatalogueInput): CatalogueCheck {
  const declared = new Set(input.sourceIds.map((s) => s.value));
  const sources = firstById(input.sources);
  const issues = [...duplicates(input.sourceIds, "une autre source"), ...duplicates(input.indicatorIds, "un autre indicateur")];
  const undeclaredSources = new Map<string, string[]>();

  for (const { value: indicator, yaml, path } of input.indicators) {
    const refs = formulaRefs(indicator.formula);
    const needed = [indicator.source, ...refs.map((r) => r.source)];
    const undeclared = [...new Set(needed.filter((id) => !declared.has(id)))];
    if (undeclared.length > 0 && input.sourcesRead) undeclaredSources.set(indicator.id, undeclared);

    if (!refs.some((r) => r.source === indicator.source))
      issues.push(
        issueAt(
          yaml,
          [...path, "source"],
          `la source « ${indicator.source} » n'apparaît dans aucune variable de la formule (sources de la formule : ${formulaSources(refs)})`,
          "La source de l'indicateur est celle dont viennent les valeurs : corriger source ou la formule.",
        ),
      );
    for (const ref of refs) {
      const columns = sources.get(ref.source)?.columns;
      if (!columns || ref.variable in columns) continue; // undeclared sources are handled above
      const known = Object.keys(columns);
      issues.push(
        issueAt(
          yaml,
          [...path, ...ref.path],
          `variable « ${ref.variable} » inconnue dans la source « ${ref.source} »`,
          didYouMean(ref.variable, known) ?? `Variables déclarées dans columns de « ${ref.source} » : ${known.join(", ")}.`,
        ),
      );
    }
  }
  return { issues, undeclaredSources };
}

const formulaSources = (refs: { source: string }[]) => [...new Set(refs.map((r) => r.source))].join(", ");

/** By id; a repeated id keeps its first declaration (the repeat is an error). */
export function firstById<T extends { id: string }>(items: Located<T>[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const { value } of items) if (!map.has(value.id)) map.set(value.id, value);
  return map;
}

/** Each repeated id is reported where it repeats, naming where it was first declared. */
function duplicates(ids: Located<string>[], other: string): DeclarationIssue[] {
  const first = new Map<string, Located<string>>();
  return ids.flatMap((id) => {
    const earlier = first.get(id.value);
    if (!earlier) {
      first.set(id.value, id);
      return [];
    }
    const { line } = positionOf(earlier.yaml, [...earlier.path, "id"]);
    return [
      issueAt(
        id.yaml,
        [...id.path, "id"],
        `identifiant « ${id.value} » déjà utilisé par ${other} (${basename(earlier.yaml.file)}, ligne ${line})`,
        "Chaque identifiant doit être unique : renommer l'un des deux.",
      ),
    ];
  });
}

/**
 * A catalogue serves several départements; one configuration may declare fewer sources. Indicators it
 * cannot compute are fine while the plan does not use them: one warning per missing source says which.
 */
export function uncomputableWarnings(
  indicators: Located<CatalogueIndicator>[],
  undeclaredSources: Map<string, string[]>,
  planIds: Set<string>,
  declaredSourceIds: Iterable<string>,
): DeclarationIssue[] {
  const bySource = new Map<string, Located<CatalogueIndicator>[]>();
  for (const located of indicators) {
    if (planIds.has(located.value.id)) continue; // an error of the plan instead
    for (const source of undeclaredSources.get(located.value.id) ?? [])
      bySource.set(source, [...(bySource.get(source) ?? []), located]);
  }
  return [...bySource].map(([source, users]) => {
    const ids = users.map((u) => u.value.id);
    const count =
      ids.length === 1 ? "1 indicateur du catalogue ne sera pas calculé" : `${ids.length} indicateurs du catalogue ne seront pas calculés`;
    return issueAt(
      users[0].yaml,
      users[0].path,
      `source « ${source} » non déclarée dans cette configuration : ${count} (${ids.join(", ")})`,
      didYouMean(source, declaredSourceIds) ?? "Sans conséquence tant que le plan n'en a pas besoin.",
    );
  });
}
