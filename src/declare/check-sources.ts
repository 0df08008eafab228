// Cross-checks between source entries: a file that `extends` another completes one logical source,
// and each variable of a logical source comes from a single file at each level (two files giving
// the same figure would make the result depend on which one is read last).
import { sourceLevels } from "./formula-refs";
import type { DeclarationIssue } from "./issues";
import type { Level, Source } from "./schemas";
import { logicalId } from "./source-files";
import { didYouMean } from "./suggest";
import { issueAt } from "./yaml-file";
import type { Located } from "./yaml-file";

/** `sourceIds`: every id written in the sources file, so an entry extending a broken one is not also reported. */
export function checkSources(sources: Located<Source>[], sourceIds: Located<string>[]): DeclarationIssue[] {
  const roots = new Set(sources.filter((s) => !s.value.extends).map((s) => s.value.id));
  const valid = new Set(sources.map((s) => s.value.id));
  const broken = new Set(sourceIds.map((s) => s.value).filter((id) => !valid.has(id)));
  const issues: DeclarationIssue[] = [];
  const givenBy = new Map<string, Located<Source>>(); // "logical.variable level" → first file giving it

  for (const located of sources) {
    const { value: source, yaml, path } = located;
    const target = source.extends;
    if (target !== undefined && !roots.has(target)) {
      if (!broken.has(target)) issues.push(issueAt(yaml, [...path, "extends"], ...badTarget(source, sources, roots)));
      continue;
    }
    const logical = logicalId(source);
    for (const variable of Object.keys(source.columns)) {
      const clashes = new Map<Located<Source>, Level[]>();
      for (const level of sourceLevels(source)) {
        const key = `${logical}.${variable} ${level}`;
        const first = givenBy.get(key);
        if (first) clashes.set(first, [...(clashes.get(first) ?? []), level]);
        else givenBy.set(key, located);
      }
      for (const [first, levels] of clashes)
        issues.push(
          issueAt(
            yaml,
            [...path, "columns", variable],
            `la variable « ${variable} » de « ${logical} » au niveau ${levels.join(", ")} est donnée à la fois par ${first.value.file} (source « ${first.value.id} ») et par ${source.file} (source « ${source.id} »)`,
            "Une variable vient d'un seul fichier à chaque niveau : la retirer des columns de l'une des deux sources.",
          ),
        );
    }
  }
  return issues;
}

function badTarget(source: Source, sources: Located<Source>[], roots: Set<string>): [string, string] {
  const target = source.extends!;
  if (target === source.id) return ["une source ne peut pas se compléter elle-même", "Retirer extends, ou nommer la source que ce fichier complète."];
  const chained = sources.find((s) => s.value.id === target)?.value.extends;
  if (chained) return [`la source « ${target} » complète elle-même « ${chained} »`, `Écrire extends: ${chained} (la source que tous ses fichiers complètent).`];
  return [
    `source « ${target} » inconnue`,
    didYouMean(target, roots) ?? "extends nomme l'identifiant d'une source déclarée (sans extends) dans ce fichier.",
  ];
}
