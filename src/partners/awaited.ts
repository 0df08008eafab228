// A partner source declared before its file arrives (the request is out, the answer is not): its
// indicators are « non disponible » everywhere, with a warning, instead of a failed build.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Source } from "../declare/schemas";
import type { Finding } from "../quality/findings";
import type { Cell, SourceTable } from "../read/types";

/** Whether `source` is a partner's whose file is not there yet. */
export const awaitedFile = (source: Source, dataDir: string): boolean => source.partner !== undefined && !existsSync(resolve(dataDir, source.file));

const MISSING: Cell = { status: "missing" };

/** What an awaited file stands for: every commune's variables not transmitted. */
export function awaitedTable(source: Source, communes: string[]): SourceTable {
  const cells = Object.fromEntries(Object.keys(source.columns).map((variable) => [variable, MISSING]));
  return { sourceId: source.id, file: source.file, rows: communes.map((code) => ({ level: "commune", code, line: 0, cells })) };
}

export const awaitedFinding = (source: Source): Finding => ({
  rule: "partner-awaited",
  severity: "warning",
  file: source.file,
  message: `${source.file} : le fichier de ${source.producer} (source « ${source.id} », millésime ${source.vintage}) n'est pas encore arrivé ; ses indicateurs sont « non disponible »`,
  hint: "npm run modeles écrit le modèle à lui envoyer ; déposez le fichier rempli à ce chemin",
});
