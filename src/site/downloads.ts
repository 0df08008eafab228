// The downloads, made from the models the portrait pages read. Astro writes every portrait page before
// the downloads, whose routes sort after theirs (src/pages/epci/[...siren]/, src/pages/[folder]/): each
// page keeps its portrait's download files (bytes, off the JS heap), so each model is read and parsed
// once (a portrait reused from the published site, src/site/reuse.ts, gives its published files).
// Once the last page has made its files, the archive of them all is compressed on another thread
// while Astro writes the portraits' own downloads.
import { datasetArchive } from "../downloads/archive";
import { portraitFiles, type PortraitFiles } from "../downloads/portrait";
import type { PortraitModel } from "../model/types";
import { portraitModel, publishedCodes, renderedPublishedCodes, reusedFile, siteModel } from "./models";

const files = new Map<string, PortraitFiles>();
/** Published portraits rendered in this build whose page has not made its files yet. */
let unmade: Set<string> | undefined;
let archive: Promise<Uint8Array> | undefined;

/** The model of a portrait's page; a published portrait's download files are made from it on the way. */
export function pageModel(code: string): PortraitModel {
  const model = portraitModel(code);
  if (model.epci.agreement.signed && !files.has(code)) {
    files.set(code, portraitFiles(model));
    unmade ??= new Set(renderedPublishedCodes());
    unmade.delete(code);
    if (unmade.size === 0) portraitsArchive().catch(() => {}); // awaited by the archive's route
  }
  return model;
}

/** A published portrait's download files: those its page made, those published if reused, or made now (astro dev, another order). */
export function downloadFiles(code: string): PortraitFiles {
  let found = files.get(code);
  if (!found) {
    const [csv, json] = [reusedFile(code, "donnees.csv"), reusedFile(code, "donnees.json")];
    found = csv && json ? { csv, json } : portraitFiles(portraitModel(code));
    files.set(code, found);
  }
  return found;
}

/** The archive of every published portrait's CSV, the catalogue and a notice; made once. */
export function portraitsArchive(): Promise<Uint8Array> {
  archive ??= datasetArchive(siteModel(), publishedCodes().map((code) => downloadFiles(code).csv));
  return archive;
}
