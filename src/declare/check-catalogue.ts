// Cross-checks between the sources of this configuration and the shared indicator catalogue.
import { basename } from "node:path";
import type { CatalogueIndicator } from "./declarations";
import { formulaRefs } from "./formula-refs";
import type { DeclarationIssue } from "./issues";
import type { Source } from "./schemas";
import { logicalId } from "./source-files";
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
  /** Indicators the plan shows: a variable missing for one of them is an error, not a warning. */
  planIds: Set<string>;
}

export interface CatalogueCheck {
  issues: DeclarationIssue[];
  /** Indicator id → ids of the sources it needs that this configuration does not declare. */
  undeclaredSources: Map<string, string[]>;
  /** Indicator id → its "source.variable" refs that no file of a declared source gives. */
  undeclaredVariables: Map<string, string[]>;
}

/**
 * Refs name logical sources (see source-files): a variable is known when any file of its source
 * declares it. The catalogue is shared: a configuration whose files lack a variable cannot compute
 * the indicators using it, which is an error only if the plan shows one of them (the demo, which
 * declares every variable, keeps the catalogue itself free of typos).
 */
export function checkCatalogue(input: CatalogueInput): CatalogueCheck {
  const extending = new Set(input.sources.filter((s) => s.value.extends).map((s) => s.value.id));
  const declared = new Set(input.sourceIds.map((s) => s.value).filter((id) => !extending.has(id)));
  const columns = new Map<string, Set<string>>();
  for (const { value } of input.sources)
    columns.set(logicalId(value), new Set([...(columns.get(logicalId(value)) ?? []), ...Object.keys(value.columns)]));
  const incomplete = brokenLogicalIds(input);
  const issues = [...duplicates(input.sourceIds, "une autre source"), ...duplicates(input.indicatorIds, "un autre indicateur")];
  const undeclaredSources = new Map<string, string[]>();
  const undeclaredVariables = new Map<string, string[]>();

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
    // Undeclared sources are handled above; a source with a broken file entry is reported in the sources file.
    const unknown = refs.filter((r) => declared.has(r.source) && !incomplete.has(r.source) && !columns.get(r.source)?.has(r.variable));
    if (unknown.length > 0) undeclaredVariables.set(indicator.id, unknown.map((r) => `${r.source}.${r.variable}`));
    if (!input.planIds.has(indicator.id)) continue;
    for (const ref of unknown) {
      const known = [...(columns.get(ref.source) ?? [])];
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
  return { issues, undeclaredSources, undeclaredVariables };
}

/** Logical ids with a file entry that failed validation (its own `extends` read from the raw YAML). */
function brokenLogicalIds({ sources, sourceIds }: CatalogueInput): Set<string> {
  const valid = new Set(sources.map((s) => s.path.join(".")));
  return new Set(
    sourceIds
      .filter((s) => !valid.has(s.path.join(".")))
      .map(({ value, yaml, path }) => {
        const raw = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], yaml.data);
        const target = (raw as { extends?: unknown } | undefined)?.extends;
        return typeof target === "string" ? target : value;
      }),
  );
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
  check: Pick<CatalogueCheck, "undeclaredSources" | "undeclaredVariables">,
  planIds: Set<string>,
  declaredSourceIds: Iterable<string>,
): DeclarationIssue[] {
  const bySource = new Map<string, Located<CatalogueIndicator>[]>();
  const byVariableSource = new Map<string, { users: Located<CatalogueIndicator>[]; variables: Set<string> }>();
  for (const located of indicators) {
    if (planIds.has(located.value.id)) continue; // an error of the plan instead
    for (const source of check.undeclaredSources.get(located.value.id) ?? [])
      bySource.set(source, [...(bySource.get(source) ?? []), located]);
    if (check.undeclaredSources.has(located.value.id)) continue; // said once, for its source
    for (const ref of check.undeclaredVariables.get(located.value.id) ?? []) {
      const [source, variable] = ref.split(".");
      const entry = byVariableSource.get(source) ?? { users: [], variables: new Set<string>() };
      if (!entry.users.includes(located)) entry.users.push(located);
      entry.variables.add(variable);
      byVariableSource.set(source, entry);
    }
  }
  const sources = [...bySource].map(([source, users]) =>
    issueAt(
      users[0].yaml,
      users[0].path,
      `source « ${source} » non déclarée dans cette configuration : ${notComputed(users)}`,
      didYouMean(source, declaredSourceIds) ?? "Sans conséquence tant que le plan n'en a pas besoin.",
    ),
  );
  const variables = [...byVariableSource].map(([source, { users, variables }]) =>
    issueAt(
      users[0].yaml,
      users[0].path,
      `variables absentes des fichiers de la source « ${source} » dans cette configuration (${[...variables].join(", ")}) : ${notComputed(users)}`,
      "Sans conséquence tant que le plan n'en a pas besoin.",
    ),
  );
  return [...sources, ...variables];
}

function notComputed(users: Located<CatalogueIndicator>[]): string {
  const ids = users.map((u) => u.value.id);
  const count = ids.length === 1 ? "1 indicateur du catalogue ne sera pas calculé" : `${ids.length} indicateurs du catalogue ne seront pas calculés`;
  return `${count} (${ids.join(", ")})`;
}
