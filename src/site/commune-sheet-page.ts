// The views of an EPCI's commune sheets (charts drawn) and their download files, made once per build
// for all its communes: by the build's worker threads once the EPCI's portrait is done
// (src/cli/prepare.ts), or by the page of its first sheet Astro renders, whichever claims them first
// (prepared.ts); the build puts the downloads in place. Without the prepared folder (astro dev, tests)
// the page makes the views and routes serve the downloads. Their charts are read from and kept in the chart
// cache's file of the EPCI's sheets, so an unchanged sheet's charts are read, not drawn, on a rebuild.
import { withChartStore } from "../charts";
import { communeFiles } from "../downloads/portrait";
import { communeSheetView, type CommuneSheetView } from "./commune-sheet";
import { communeSheetModels, publishedSheetCodes, sheetEpci, siteModel } from "./models";
import { claim, prepare, preparedDir, preparedPiece, sheetDownloads, writeDownloads } from "./prepared";

type Sheets = Record<string, CommuneSheetView>;

/** The name of EPCI `epci`'s sheets in the prepared folder and in the chart cache. */
const piece = (epci: string) => `communes-${epci}`;

/** The sheets whose downloads Astro's routes write: none in a build, which puts those made here in place. */
export const sheetDownloadRouteCodes = () => (preparedDir() ? [] : publishedSheetCodes());

let last: { epci: string; sheets: Sheets } | undefined;
/** The sheet of commune `code`, as its page shows it; its EPCI's sheets are kept for the next pages (sheetCodes). */
export function communeSheet(code: string): CommuneSheetView {
  const epci = sheetEpci(code);
  if (last?.epci !== epci) {
    const dir = preparedDir();
    last = { epci, sheets: !dir || claim(dir, piece(epci)) ? makeSheets(epci) : preparedPiece<Sheets>(dir, piece(epci)) };
  }
  return last.sheets[code];
}

/** A worker's part: makes EPCI `epci`'s sheets into the prepared folder, unless a page has claimed them first (false). */
export const prepareSheets = (epci: string): boolean => prepare(preparedDir()!, piece(epci), `fiches communales de ${epci}`, () => makeSheets(epci));

function makeSheets(epci: string): Sheets {
  const [{ base }, models, dir] = [siteModel(), communeSheetModels(epci), preparedDir()];
  if (dir) for (const model of models) if (model.epci.agreement.signed) writeDownloads(dir, sheetDownloads(model.commune.code), communeFiles(model));
  return withChartStore(piece(epci), () => Object.fromEntries(models.map((model) => [model.commune.code, communeSheetView(model, base)])));
}
