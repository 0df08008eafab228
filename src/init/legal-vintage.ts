// Populations légales write no vintage anywhere in their files. Those of year N are the census's
// population municipale of year N, so a census file of the folder giving the same values (PMUN =
// P22_POP) for the same communes proves it; anything else is a guess, written as such and to confirm.
import type { Recognised } from "./assemble";
import type { InspectedTable } from "./inspect";

export interface LegalVintage {
  vintage: string;
  sure: boolean;
  /** How it was found, in French, for the comment and the summary. */
  how: string;
}

const YEAR = /(?:^|\D)(20\d{2})(?:\D|$)/;

export function legalVintages(legal: InspectedTable[], files: Recognised[]): Map<InspectedTable, LegalVintage> {
  const census = files.filter((f) => f.recognition.offers.some((o) => o.family === "census") && f.recognition.level.level === "commune");
  const latest = census.flatMap((f) => f.recognition.offers.filter((o) => o.family === "census").map((o) => o.vintage)).sort().pop();
  const found = new Map(legal.map((t) => [t, matched(t, census)] as const));
  const proved = [...found.values()].find((v) => v?.sure);
  return new Map(
    legal.map((table) => {
      const match = found.get(table);
      if (match?.sure) return [table, match];
      const why = match ? ` ; ${match.how}, ce n'est donc sans doute pas ${match.vintage}` : "";
      const year = YEAR.exec(table.file)?.[1];
      if (year) return [table, { vintage: year, sure: false, how: `année ${year} lue dans le chemin du fichier${why}` }];
      if (proved) return [table, { vintage: proved.vintage, sure: false, how: `celui des populations légales des communes du dossier${why}` }];
      if (latest) return [table, { vintage: latest, sure: false, how: `celui du recensement déclaré, faute de mieux${why}` }];
      return [table, { vintage: "à préciser", sure: false, how: "aucun recensement dans le dossier pour le reconnaître" }];
    }),
  );
}

/** The census vintage whose P<AA>_POP equals PMUN for nearly every commune both files have. */
function matched(table: InspectedTable, census: Recognised[]): LegalVintage | undefined {
  const pmun = new Map((table.values.get("COM") ?? []).map((code, i) => [String(code), Number(table.values.get("PMUN")?.[i])]));
  if (pmun.size === 0) return undefined;
  let best: LegalVintage | undefined;
  for (const { table: other, recognition } of census)
    for (const [column, values] of other.values) {
      const digits = /^P(\d{2})_POP$/.exec(column)?.[1];
      if (!digits) continue;
      const codes = other.values.get(recognition.codeColumn) ?? [];
      const shared = codes.flatMap((code, i) => (pmun.has(String(code)) ? [pmun.get(String(code)) === Number(values[i])] : []));
      const equal = shared.filter(Boolean).length;
      if (shared.length === 0) continue;
      const sure = equal >= 0.95 * shared.length;
      const found = { vintage: `20${digits}`, sure, how: `PMUN égale à ${column} de ${other.file} pour ${sure ? "" : "seulement "}${equal} communes sur ${shared.length}` };
      if (sure) return found;
      if (!best) best = found;
    }
  return best;
}
