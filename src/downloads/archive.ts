// One archive of the whole dataset: every EPCI's rows, the catalogue and a notice.
// Entries carry a fixed date so the same data always gives the same bytes.
import { strToU8, zipSync } from "fflate";
import type { SiteModel } from "../model/types";
import { toCsv } from "./csv";
import type { DataRow } from "./rows";

export function datasetArchive(site: SiteModel, rows: DataRow[]): Uint8Array {
  const mtime = new Date(`${site.build.date}T00:00:00Z`);
  const notice = [
    `${site.site.name} — données des portraits (${site.build.date})`,
    site.fictional ? "DONNÉES FICTIVES : département imaginaire, à des fins de démonstration." : "",
    "",
    "Licence : Licence Ouverte / Open Licence 2.0 (Etalab). Réutilisation libre, en citant les sources ci-dessous.",
    "Secret statistique : aucun effectif de 1 à 4 n'est publié ; les valeurs secrètes n'ont ni valeur, ni numérateur, ni dénominateur.",
    "",
    "Sources :",
    ...site.sources.map((s) => `- ${s.producer}, ${s.dataset}, millésime ${s.vintage} (${s.licence})${s.url ? ` — ${s.url}` : ""}`),
  ].join("\r\n");
  return zipSync(
    {
      "LISEZMOI.txt": [strToU8(notice + "\r\n"), { mtime }],
      "donnees.csv": [strToU8(toCsv(rows)), { mtime }],
      "indicateurs.json": [strToU8(JSON.stringify(site.catalogue, null, 1)), { mtime }],
    },
    { level: 9 },
  );
}
