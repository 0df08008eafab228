// Republishing after a small correction: a portrait or commune sheet whose folder (page and downloads)
// would come out byte for byte as published is copied from the published site instead of being made
// again. Its key hashes all that folder is made from: the code (src/changes/inputs.ts), what the page
// frame (and a portrait's blocks) read of the site model, and its own model as written for the pages.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { CommuneSheetsModel, SiteModel } from "../model/types";
import { COMMUNE_SHEETS } from "../print/pdf";
import { blockSite, siteFrame } from "./frame";

/** The files of a portrait's or sheet's folder that a build writes (`npm run pdf` adds the PDF). */
const folderFiles = (withData: boolean) => (withData ? ["index.html", "donnees.csv", "donnees.json"] : ["index.html"]);

/** What a commune sheet's folder may hold: what the build writes, and the PDF of `npm run pdf -- --fiches`. */
export const SHEET_FOLDER_FILES = [...folderFiles(true), COMMUNE_SHEETS.file];

/** Hashes the site-wide part once; returns the key of a portrait from its model's JSON text. */
export function portraitKeyer(codeDigest: string, site: SiteModel): (modelJson: string) => string {
  const shared = createHash("sha256").update(codeDigest).update("\0").update(JSON.stringify([siteFrame(site), blockSite(site)]));
  return (modelJson) => shared.copy().update("\0").update(modelJson).digest("hex").slice(0, 32);
}

/**
 * The keys of an EPCI's commune sheets: the site-wide part and what its sheets share hashed once,
 * then each commune's own part (CommuneSheetsModel).
 */
export function sheetKeyer(codeDigest: string, site: SiteModel): (shared: CommuneSheetsModel["shared"]) => (commune: CommuneSheetsModel["communes"][number]) => string {
  const frame = createHash("sha256").update(codeDigest).update("\0").update(JSON.stringify(siteFrame(site)));
  return (shared) => {
    const epci = frame.copy().update("\0").update(JSON.stringify(shared));
    return (commune) => epci.copy().update("\0").update(JSON.stringify(commune)).digest("hex").slice(0, 24);
  };
}

/**
 * Whether a portrait (folder "epci") or sheet ("commune") has the key the published site was built
 * with, and its folder is still complete there.
 */
export function reusable(folder: "epci" | "commune", published: Record<string, string> | undefined, siteDir: string): (next: { code: string; key: string; withData: boolean }) => boolean {
  return ({ code, key, withData }) => published?.[code] === key && folderFiles(withData).every((f) => existsSync(join(siteDir, folder, code, f)));
}
