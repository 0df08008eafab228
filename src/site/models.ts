// The render stage's only input: the JSON models the pipeline wrote. Pages read them here.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ChangeReport, Publication } from "../changes/types";
import { expandCommuneSheets } from "../model/commune-sheets";
import type { CommuneSheetModel, CommuneSheetsModel, IndicatorPageModel, PortraitModel, SiteModel } from "../model/types";

const buildDir = () => {
  waitForModels();
  return process.env.PORTRAITS_BUILD_DIR ?? ".build";
};

let modelsReady = !process.env.PORTRAITS_MODELS_READY;
/**
 * The build starts Astro before the data stage has finished the models (src/cli/astro.ts): nothing
 * can be rendered before they are complete, so the first read waits for them.
 */
function waitForModels(): void {
  if (modelsReady) return;
  waitFor(() => existsSync(process.env.PORTRAITS_MODELS_READY!) || undefined);
  modelsReady = true;
}

/**
 * What `found` gives once it gives something, made meanwhile by the build that started Astro, which
 * has nothing else to do. If that build is gone, so is the point of waiting.
 */
export function waitFor<T>(found: () => T | undefined): T {
  const [parent, pause] = [process.ppid, new Int32Array(new SharedArrayBuffer(4))];
  for (;;) {
    const result = found();
    if (result !== undefined) return result;
    if (process.ppid !== parent) throw new Error("la construction qui a lancé Astro s'est arrêtée");
    Atomics.wait(pause, 0, 0, 5);
  }
}

let site: SiteModel | undefined;
export function siteModel(): SiteModel {
  site ??= readJson<SiteModel>("site.json");
  return site;
}

/** Every EPCI has a portrait page (the model of one kept as published is not written: see renderedCodes). */
export function portraitCodes(): string[] {
  return siteModel().epcis.map((e) => e.code).sort();
}

/** EPCIs whose CTG is signed: the only ones with data to render or download. */
export function publishedCodes(): string[] {
  const signed = new Set(siteModel().epcis.filter((e) => e.agreement.signed).map((e) => e.code));
  return portraitCodes().filter((code) => signed.has(code));
}

let reuse: { from?: string; codes: Set<string> } | undefined;
/** Portraits linked from the published site after Astro (src/site/reuse.ts): not rendered again. */
function reused() {
  if (!reuse) {
    const found = existsSync(join(buildDir(), "reuse.json")) ? readJson<{ from?: string; codes: string[] }>("reuse.json") : { codes: [] };
    reuse = { from: found.from, codes: new Set(found.codes) };
  }
  return reuse;
}

/** The portraits whose page Astro renders, the published ones among them. */
export const renderedCodes = () => portraitCodes().filter((code) => !reused().codes.has(code));
export const renderedPublishedCodes = () => publishedCodes().filter((code) => !reused().codes.has(code));

/** Where a file of a reused portrait's folder is, as published; undefined for a portrait rendered in this build. */
export function reusedPath(code: string, file: string): string | undefined {
  const { from, codes } = reused();
  return from && codes.has(code) ? join(from, "epci", code, file) : undefined;
}

export function portraitModel(code: string): PortraitModel {
  return readJson<PortraitModel>(`portraits/${code}.json`);
}

/** Communes with a sheet (those of the EPCIs portrayed here), grouped by EPCI: Astro renders them in this order. */
export const sheetCodes = (): string[] => communesOf(portraitCodes());

function communesOf(epcis: string[]): string[] {
  const chosen = new Set(epcis);
  return siteModel().communes.filter((c) => chosen.has(c.epci)).sort((a, b) => a.epci.localeCompare(b.epci) || a.code.localeCompare(b.code)).map((c) => c.code);
}

let epciOf: Map<string, string> | undefined;
/** The EPCI of commune `code`, whose file holds its sheet. */
export function sheetEpci(code: string): string {
  const epci = (epciOf ??= new Map(siteModel().communes.map((c) => [c.code, c.epci]))).get(code);
  if (!epci) throw new Error(`fiche communale : commune ${code} inconnue`);
  return epci;
}

let sheets: { epci: string; models: CommuneSheetModel[] } | undefined;
/**
 * The sheets of EPCI `epci`'s communes that this build makes (all but those kept as published), the last
 * EPCI's kept: pages come EPCI by EPCI (sheetCodes).
 */
export function communeSheetModels(epci: string): CommuneSheetModel[] {
  if (sheets?.epci !== epci) sheets = { epci, models: expandCommuneSheets(readJson<CommuneSheetsModel>(`communes/${epci}.json`)) };
  return sheets.models;
}

export const communeSheetModel = (code: string): CommuneSheetModel => communeSheetModels(sheetEpci(code)).find((s) => s.commune.code === code)!;

/** The indicators this build computes: each has its page. */
export const indicatorIds = (): string[] => siteModel().catalogue.filter((c) => c.computed).map((c) => c.id);

export const indicatorPageModel = (id: string): IndicatorPageModel => readJson(`indicateurs/${id}.json`);

const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(buildDir(), file), "utf8")) as T;

export const publication = (): Publication => readJson("publication.json");
export const changeReport = (): ChangeReport => readJson("changes.json");
