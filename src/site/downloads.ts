// The downloads, made from the models the portrait pages read. Astro writes every portrait page before
// the downloads, whose routes sort after theirs (src/pages/epci/[...siren]/, src/pages/[folder]/): each
// page keeps its portrait's download files (bytes, off the JS heap), so each model is read and parsed
// once. Once the last page has made its files, the archive of them all is compressed on another thread
// while Astro writes the portraits' own downloads.
import { datasetArchive } from "../downloads/archive";
import { portraitFiles, type PortraitFiles } from "../downloads/portrait";
import type { PortraitModel } from "../model/types";
import { portraitModel, publishedCodes, siteModel } from "./models";

const files = new Map<string, PortraitFiles>();
let published: string[] | undefined;
let archive: Promise<Uint8Array> | undefined;

/** The model of a portrait's page; a published portrait's download files are made from it on the way. */
export function pageModel(code: string): PortraitModel {
  const model = portraitModel(code);
  if (model.epci.agreement.signed && !files.has(code)) {
    files.set(code, portraitFiles(model));
    published ??= publishedCodes();
    if (files.size === published.length) portraitsArchive().catch(() => {}); // awaited by the archive's route
  }
  return model;
}

/** A published portrait's download files: those its page made, or made now (astro dev, another order). */
export function downloadFiles(code: string): PortraitFiles {
  let found = files.get(code);
  if (!found) files.set(code, (found = portraitFiles(portraitModel(code))));
  return found;
}

/** The archive of every published portrait's CSV, the catalogue and a notice; made once. */
export function portraitsArchive(): Promise<Uint8Array> {
  archive ??= datasetArchive(siteModel(), publishedCodes().map((code) => downloadFiles(code).csv));
  return archive;
}
