// A published portrait's (or commune sheet's) two download files, as written to the site: the rows as CSV and as JSON.
import type { CommuneSheetModel, PortraitModel } from "../model/types";
import { csvFile, csvLine, toCsv } from "./csv";
import { dataRow, dataRows, territoryNames, type DataRow } from "./rows";

export interface PortraitFiles {
  csv: Uint8Array;
  json: Uint8Array;
}

const LICENCE = "Licence Ouverte 2.0";

/** The files of `rows`, the JSON's head naming what they describe. */
function filesOf(head: Record<string, string>, rows: DataRow[]): PortraitFiles {
  const json = { ...head, licence: LICENCE, lignes: rows };
  return { csv: Buffer.from(toCsv(rows)), json: Buffer.from(JSON.stringify(json)) };
}

export const portraitFiles = (model: PortraitModel): PortraitFiles => filesOf({ epci: model.epci.code, nom: model.epci.name }, dataRows(model));

/** A commune sheet's files, as text: nothing but the rows its page shows. */
export const communeFiles = (model: CommuneSheetModel): SheetFiles => communeSheetsFiles([model])[0];

/** A commune sheet's files as text, which writeFileSync encodes as it writes: 35,000 of them at national scale. */
export interface SheetFiles {
  csv: string;
  json: string;
}

/**
 * The files of several commune sheets (an EPCI's), the same bytes as filesOf's. Each indicator's rows of
 * the references (the EPCI, the département, the région, France) are the same on every sheet of an
 * EPCI: written once, the commune's own row each time (0.8 → 0.3 ms a sheet at national scale).
 */
export function communeSheetsFiles(models: CommuneSheetModel[]): SheetFiles[] {
  const references = new Map<string, { csv: string; json: string }>();
  const text = (rows: DataRow[]) => ({ csv: rows.map(csvLine).join(""), json: rows.map((r) => JSON.stringify(r)).join(",") });
  return models.map((model) => {
    const names = territoryNames(model);
    const [csv, json]: string[][] = [[], []];
    for (const ind of Object.values(model.indicators)) {
      const [own, ...levels] = ind.values;
      const key = `${model.epci.code}:${ind.id}`;
      let shared = references.get(key);
      if (!shared) references.set(key, (shared = text(levels.map((v) => dataRow(ind, v, names)))));
      const row = text([dataRow(ind, own, names)]);
      csv.push(row.csv, shared.csv);
      json.push(shared.json ? `${row.json},${shared.json}` : row.json);
    }
    // The head as JSON.stringify writes it, then the rows' objects in its array.
    const head = JSON.stringify({ commune: model.commune.code, nom: model.commune.name, epci: model.epci.code, licence: LICENCE, lignes: [] }).slice(0, -2);
    return { csv: csvFile(csv.join("")), json: `${head}${json.join(",")}]}` };
  });
}
