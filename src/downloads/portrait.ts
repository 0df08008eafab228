// A published portrait's (or commune sheet's) two download files, as the bytes written to the site: the rows as CSV and as JSON.
import type { CommuneSheetModel, PortraitModel } from "../model/types";
import { toCsv } from "./csv";
import { dataRows, type DataRow } from "./rows";

export interface PortraitFiles {
  csv: Uint8Array;
  json: Uint8Array;
}

/** The files of `rows`, the JSON's head naming what they describe. */
function filesOf(head: Record<string, string>, rows: DataRow[]): PortraitFiles {
  const json = { ...head, licence: "Licence Ouverte 2.0", lignes: rows };
  return { csv: Buffer.from(toCsv(rows)), json: Buffer.from(JSON.stringify(json)) };
}

export const portraitFiles = (model: PortraitModel): PortraitFiles => filesOf({ epci: model.epci.code, nom: model.epci.name }, dataRows(model));

/** A commune sheet's files: nothing but the rows its page shows. */
export const communeFiles = (model: CommuneSheetModel): PortraitFiles =>
  filesOf({ commune: model.commune.code, nom: model.commune.name, epci: model.epci.code }, dataRows(model));
