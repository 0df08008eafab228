// A published portrait's two download files, as the bytes written to the site: the rows as CSV and as JSON.
import type { PortraitModel } from "../model/types";
import { toCsv } from "./csv";
import { dataRows } from "./rows";

export interface PortraitFiles {
  csv: Uint8Array;
  json: Uint8Array;
}

export function portraitFiles(model: PortraitModel): PortraitFiles {
  const rows = dataRows(model);
  const json = { epci: model.epci.code, nom: model.epci.name, licence: "Licence Ouverte 2.0", lignes: rows };
  return { csv: Buffer.from(toCsv(rows)), json: Buffer.from(JSON.stringify(json)) };
}
