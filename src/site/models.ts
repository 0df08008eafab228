// The render stage's only input: the JSON models the pipeline wrote. Pages read them here.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { PortraitModel, SiteModel } from "../model/types";

const buildDir = () => process.env.PORTRAITS_BUILD_DIR ?? ".build";

let site: SiteModel | undefined;
export function siteModel(): SiteModel {
  site ??= JSON.parse(readFileSync(join(buildDir(), "site.json"), "utf8")) as SiteModel;
  return site;
}

export function portraitCodes(): string[] {
  return readdirSync(join(buildDir(), "portraits"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

export function portraitModel(code: string): PortraitModel {
  return JSON.parse(readFileSync(join(buildDir(), "portraits", `${code}.json`), "utf8")) as PortraitModel;
}
