// What a portrait's page shows (its view, charts drawn) and its download files, made once per build:
// by the build's worker threads (src/cli/prepare.ts) from the last portrait back while Astro renders
// from the first, or by the page itself. Whichever starts a portrait first claims it by creating a
// file no one else can, so none is made twice; the page then reads what a worker left in the folder
// of prepared.ts, where the download files of every portrait are left for the build to put in place.
// Without that folder (astro dev, tests) every page makes its own, and routes the downloads.
import { closeSync, openSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { threadId } from "node:worker_threads";
import { portraitFiles, type PortraitFiles } from "../downloads/portrait";
import { keepFiles, keepRows } from "./downloads";
import { portraitModel, renderedPublishedCodes, siteModel, waitFor } from "./models";
import { preparedDir, preparedFile } from "./prepared";
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
      writeFiles(dir, code, files);
      keepRows(code, files.csv);
    } else if (files) keepFiles(code, files);
    return page;
  }
  const page = waitFor(() => {
    try {
      return JSON.parse(readFileSync(preparedFile(dir, code, "page.json"), "utf8")) as PortraitPage;
    } catch {
      const error = readIfThere(preparedFile(dir, code, "error"));
      if (error) throw new Error(error);
      return undefined;
    }
  });
  if (page.view) keepRows(code, readFileSync(preparedFile(dir, code, "csv")));
  return page;
}

/** A worker's part: makes portrait `code` into the prepared folder, unless its page has claimed it first (false). */
export function preparePortrait(code: string): boolean {
  const dir = preparedDir()!;
  if (!claim(dir, code)) return false;
  try {
    const { page, files } = makePage(code);
    if (files) writeFiles(dir, code, files);
    // The page reads it as soon as it is there: written whole under another name first.
    const temporary = `${preparedFile(dir, code, "page.json")}.${threadId}.tmp`;
    writeFileSync(temporary, JSON.stringify(page));
    renameSync(temporary, preparedFile(dir, code, "page.json"));
    return true;
  } catch (error) {
    const message = `portrait ${code} : ${error instanceof Error ? error.message : String(error)}`;
    writeFileSync(preparedFile(dir, code, "error"), message); // the page waiting for it fails with it
    throw new Error(message);
  }
}

function makePage(code: string): { page: PortraitPage; files?: PortraitFiles } {
  const model = portraitModel(code);
  const page: PortraitPage = { name: model.epci.name, planTitle: model.plan.title, fictional: model.fictional };
  if (!model.epci.agreement.signed) return { page };
  return { page: { ...page, view: portraitView(model, blockContext(siteModel())) }, files: portraitFiles(model) };
}

function writeFiles(dir: string, code: string, files: PortraitFiles): void {
  writeFileSync(preparedFile(dir, code, "csv"), files.csv);
  writeFileSync(preparedFile(dir, code, "json"), files.json);
}

/** True for the first caller only, across threads and processes. */
function claim(dir: string, code: string): boolean {
  try {
    closeSync(openSync(preparedFile(dir, code, "claim"), "wx"));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
