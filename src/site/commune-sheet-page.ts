// The commune sheets' pages and download files. In a build, Astro renders one page only, the frame of
// every sheet (code "modele", placeholders for the title and the sheet), and the build's worker threads
// (src/cli/prepare.ts) write each EPCI's sheets into it, with their downloads, straight into the site
// being built: at national scale, 35,000 pages Astro's single thread would lay out one by one, and
// 105,000 files not to move again. Without the prepared folder (astro dev, tests), Astro renders every sheet and routes its
// downloads. Unchanged sheets are not made at all: the build keeps them as published (src/site/reuse.ts).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { communeSheetsFiles } from "../downloads/portrait";
import { withBase } from "../format/base";
import { escapeHtml } from "../format/text";
import type { CommuneSheetModel } from "../model/types";
import { communeSheetView } from "./commune-sheet";
import { communeSheetHtml } from "./commune-sheet-html";
import { communeSheetModel, communeSheetModels, sheetCodes, siteModel, waitFor } from "./models";
import { preparedDir, SHEET_FRAME_CODE } from "./prepared";

const TITLE = "%%titre-de-la-fiche%%";
const BODY = "<!--fiche-communale-->";

/** The sheets whose page Astro renders: in a build, the frame alone. */
export const sheetPageCodes = () => (preparedDir() ? [SHEET_FRAME_CODE] : sheetCodes());

/** The sheets whose downloads Astro's routes write (those with data): none in a build, where the workers make them. */
export const sheetDownloadRouteCodes = () => (preparedDir() ? [] : sheetCodes().filter((code) => communeSheetModel(code).published));

/** What the page of sheet `code` shows inside the site's frame: its title and its markup. */
export function communeSheetPage(code: string): { title: string; html: string } {
  return code === SHEET_FRAME_CODE ? { title: TITLE, html: BODY } : sheetOf(communeSheetModel(code));
}

function sheetOf(model: CommuneSheetModel): { title: string; html: string } {
  const { base } = siteModel();
  const view = communeSheetView(model, base);
  return { title: view.name, html: communeSheetHtml(view, withBase(base, "/")) };
}

let frame: [string, string, string] | undefined;
/** The frame Astro wrote at `file`, cut at its placeholders; waited for, as Astro may not have reached it yet. */
function frameAt(file: string): [string, string, string] {
  return (frame ??= waitFor(() => {
    let html: string;
    try {
      html = readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
    const [start, rest] = html.split(TITLE);
    const [middle, end] = (rest ?? "").split(BODY);
    // Astro may be half-way through writing it.
    return end?.trimEnd().endsWith("</html>") ? [start, middle, end] : undefined;
  }));
}

/**
 * A worker's part: writes the page and download files of EPCI `epci`'s sheets (those this build makes)
 * into their folders of `sheetsDir` (the site's commune/), once the frame Astro renders there is
 * written. Returns how many.
 */
export function prepareSheets(epci: string, sheetsDir: string): number {
  const models = communeSheetModels(epci);
  const [start, middle, end] = frameAt(join(sheetsDir, SHEET_FRAME_CODE, "index.html"));
  const published = models.filter((m) => m.published);
  const downloads = new Map(communeSheetsFiles(published).map((files, i) => [published[i], files]));
  for (const model of models) {
    const { title, html } = sheetOf(model);
    const folder = join(sheetsDir, model.commune.code);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "index.html"), start + escapeHtml(title) + middle + html + end);
    const files = downloads.get(model);
    if (files) {
      writeFileSync(join(folder, "donnees.csv"), files.csv);
      writeFileSync(join(folder, "donnees.json"), files.json);
    }
  }
  return models.length;
}
