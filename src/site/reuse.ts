// Republishing after a small correction: a portrait whose folder (page and downloads) would come out
// byte for byte as published is copied from the published site instead of being rendered again.
// Its key hashes all that folder is made from: the code (src/changes/inputs.ts), what the page frame
// and the blocks read of the site model, and the portrait's own model as written for Astro.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { SiteModel } from "../model/types";
import { blockSite, siteFrame } from "./frame";

/** The files of a portrait's folder that a build writes (`npm run pdf` adds portrait.pdf). */
const portraitFolderFiles = (signed: boolean) => (signed ? ["index.html", "donnees.csv", "donnees.json"] : ["index.html"]);

/** Hashes the site-wide part once; returns the key of a portrait from its model's JSON text. */
export function portraitKeyer(codeDigest: string, site: SiteModel): (modelJson: string) => string {
  const shared = createHash("sha256").update(codeDigest).update("\0").update(JSON.stringify([siteFrame(site), blockSite(site)]));
  return (modelJson) => shared.copy().update("\0").update(modelJson).digest("hex").slice(0, 32);
}

/** Whether a portrait has the key the published site was built with, and its folder is still complete there. */
export function reusable(published: Record<string, string> | undefined, siteDir: string): (next: { code: string; key: string; signed: boolean }) => boolean {
  return ({ code, key, signed }) =>
    published?.[code] === key && portraitFolderFiles(signed).every((f) => existsSync(join(siteDir, "epci", code, f)));
}
