// A published portrait's (or commune sheet's) two download files, as the bytes written to the site: the rows as CSV and as JSON.
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

/** A commune sheet's files: nothing but the rows its page shows. */
export const communeFiles = (model: CommuneSheetModel): PortraitFiles => communeSheetsFiles([model])[0];

/**
 * The files of several commune sheets (an EPCI's), the same bytes as filesOf's. The rows of the
 * references (the EPCI, the département, the région, France) are the same on every sheet of an EPCI:
 * written once, the commune's own rows each time. At national scale this halves the sheets' making.
 */
export function communeSheetsFiles(models: CommuneSheetModel[]): PortraitFiles[] {
  const references = new Map<string, { csv: string; json: string }>();
  return models.map((model) => {
    const names = territoryNames(model);
    const text = (row: DataRow) => ({ csv: csvLine(row), json: JSON.stringify(row) });
    const [csv, json]: string[][] = [[], []];
    for (const ind of Object.values(model.indicators))
      for (const v of ind.values) {
        const key = `${ind.id}:${v.level}:${v.code}`;
        let row = v.level === "commune" ? undefined : references.get(key);
        if (!row) {
          row = text(dataRow(ind, v, names));
          if (v.level !== "commune") references.set(key, row);
        }
        csv.push(row.csv);
        json.push(row.json);
      }
    // The head as JSON.stringify writes it, then the rows' objects in its array.
    const head = JSON.stringify({ commune: model.commune.code, nom: model.commune.name, epci: model.epci.code, licence: LICENCE, lignes: [] }).slice(0, -2);
    return { csv: Buffer.from(csvFile(csv.join(""))), json: Buffer.from(`${head}${json.join(",")}]}`) };
  });
}
