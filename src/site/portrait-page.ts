// What a portrait's page shows (its view, charts drawn) and its download files, made once per build:
// by the build's worker threads (src/cli/prepare.ts) from the last portrait back while Astro renders
// from the first, or by the page itself, whichever claims it first (prepared.ts); the download files
// of every portrait are left in the prepared folder for the build to put in place. Without that
// folder (astro dev, tests) every page makes its own, and routes the downloads.
import { readFileSync } from "node:fs";
import { portraitFiles, type PortraitFiles } from "../downloads/portrait";
import { keepFiles, keepRows } from "./downloads";
import { portraitModel, renderedPublishedCodes, siteModel } from "./models";
import { claim, prepare, preparedDir, preparedFile, preparedPiece, writeDownloads } from "./prepared";
import { blockContext, portraitView, type PortraitView } from "./portrait";

export interface PortraitPage {
  name: string;
  planTitle: string;
  fictional: boolean;
  /** Only a portrait whose CTG is signed has a view and download files. */
  view?: PortraitView;
}

/** The portraits whose downloads Astro's routes write: none in a build, which puts those made here in place. */
export const downloadRouteCodes = () => (preparedDir() ? [] : renderedPublishedCodes());

/**
 * The page of portrait `code`. Its CSV rows are kept for the archive (downloads.ts); its download files
 * are left in the prepared folder in a build, or kept for the download routes otherwise.
 */
export function portraitPage(code: string): PortraitPage {
  const dir = preparedDir();
  if (!dir || claim(dir, code)) {
    const { page, files } = makePage(code);
    if (files && dir) {
      writeDownloads(dir, code, files);
      keepRows(code, files.csv);
    } else if (files) keepFiles(code, files);
    return page;
  }
  const page = preparedPiece<PortraitPage>(dir, code);
  if (page.view) keepRows(code, readFileSync(preparedFile(dir, code, "csv")));
  return page;
}

/** A worker's part: makes portrait `code` into the prepared folder, unless its page has claimed it first (false). */
export const preparePortrait = (code: string): boolean =>
  prepare(preparedDir()!, code, `portrait ${code}`, () => {
    const { page, files } = makePage(code);
    if (files) writeDownloads(preparedDir()!, code, files);
    return page;
  });

function makePage(code: string): { page: PortraitPage; files?: PortraitFiles } {
  const model = portraitModel(code);
  const page: PortraitPage = { name: model.epci.name, planTitle: model.plan.title, fictional: model.fictional };
  if (!model.epci.agreement.signed) return { page };
  return { page: { ...page, view: portraitView(model, blockContext(siteModel())) }, files: portraitFiles(model) };
}
