// One logical source may be spread over several files: a file entry that `extends` another gives
// more variables of it, or the same variables at other levels. The catalogue's refs name the
// logical source ("insee-rp.pop_0014"); these helpers find the file behind a ref.
import { sourceLevels } from "./formula-refs";
import { LEVELS, type Level, type Source } from "./schemas";

/** The id the catalogue's refs use for a file entry's variables. */
export const logicalId = (source: Pick<Source, "id" | "extends">): string => source.extends ?? source.id;

/** The declared files that give "source.variable", `source` being a logical id. */
function providers(ref: string, sources: Iterable<Source>): Source[] {
  const [id, variable] = ref.split(".");
  return [...sources].filter((s) => logicalId(s) === id && Object.hasOwn(s.columns, variable));
}

/** Levels at which a variable has rows, over every file that gives it (empty if none does). */
export function refLevels(ref: string, sources: Iterable<Source>): Set<Level> {
  return new Set(providers(ref, sources).flatMap((s) => [...sourceLevels(s)]));
}

/**
 * The file whose dataset and vintage an indicator shows: the one giving its variable at the
 * finest level, since portraits are made from commune (or EPCI) rows.
 */
export function mainFile(ref: string, sources: Iterable<Source>): Source | undefined {
  const files = providers(ref, sources);
  for (const level of LEVELS) {
    const file = files.find((s) => sourceLevels(s).has(level));
    if (file) return file;
  }
  return undefined;
}
