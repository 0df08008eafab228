// The declared extra comparison level (e.g. Maisons des solidarités): a partition of the département's communes.
import { readCsv } from "./csv";
import { atLine, failIfAny } from "./errors";
import type { Territories } from "./types";

/**
 * Reads `commune;code_groupe;nom_groupe` and returns the territories with `groups` and each commune's
 * `group`. Every commune must belong to exactly one group. `renew` maps codes of an older COG to
 * current ones (a commune merged since then may be listed under its former codes, in a single group).
 */
export function withGroups(territories: Territories, levelName: string, file: string, renew: (code: string) => string = (c) => c): Territories {
  const known = new Set(territories.communes.map((c) => c.code));
  const groupOf = new Map<string, string>();
  const names = new Map<string, string>();
  const seen = new Set<string>();
  const problems: string[] = [];

  for (const { line, values } of readCsv(file, ["commune", "code_groupe", "nom_groupe"])) {
    const listed = values.commune;
    const code = renew(listed);
    const group = values.code_groupe;
    const former = code === listed ? "" : ` (ex-${listed})`;
    if (!group) problems.push(atLine(line, `code de groupe vide pour la commune ${listed}`));
    else if (names.has(group) && names.get(group) !== values.nom_groupe)
      problems.push(atLine(line, `le groupe ${group} porte deux noms : « ${names.get(group)} » et « ${values.nom_groupe} »`));
    else names.set(group, values.nom_groupe);

    if (seen.has(listed)) problems.push(atLine(line, `la commune ${listed} apparaît deux fois`));
    else if (!known.has(code)) problems.push(atLine(line, `commune ${listed} inconnue dans le département ${territories.departement.code}`));
    else if (groupOf.has(code) && groupOf.get(code) !== group)
      problems.push(atLine(line, `la commune ${code}${former} est rattachée à deux groupes : ${groupOf.get(code)} et ${group}`));
    else groupOf.set(code, group);
    seen.add(listed);
  }
  const missing = [...known].filter((code) => !groupOf.has(code));
  if (missing.length > 0) problems.push(`${missing.length} commune(s) du département sans groupe : ${missing.join(", ")}`);
  failIfAny(file, problems);

  const members = new Map([...names.keys()].map((code) => [code, [] as string[]]));
  for (const c of territories.communes) members.get(groupOf.get(c.code)!)!.push(c.code);
  const items = [...names].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, name]) => ({ code, name, communes: members.get(code)! }));
  return {
    ...territories,
    communes: territories.communes.map((c) => ({ ...c, group: groupOf.get(c.code) })),
    groups: { levelName, items },
  };
}
