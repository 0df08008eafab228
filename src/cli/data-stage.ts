// The data stage of a build: pipeline, checks against the published site, portrait models and change
// report written for Astro. It runs in a process of its own (pipeline/aside.ts), so the producer tables,
// values and models it held (about 1 GB at national scale) are given back to the system instead of
// staying beside Astro's own memory; Astro starts only once the largest of them are let go, while the
// models are written (src/cli/astro.ts). Only a small summary comes back.
import { checkAgainstPublished, otherSite } from "../changes/checks";
import { diffPublications } from "../changes/diff";
import { publicationOf, territoryOf } from "../changes/publication";
import type { ChangeReport, Publication } from "../changes/types";
import { notifyParent } from "../pipeline/notify";
import { BuildCache } from "../pipeline/build-cache";
import { runPipeline, type PipelineResult } from "../pipeline/run";
import { portraitKeyer, reusable, sheetKeyer } from "../site/reuse";
import { ASTRO_MAY_START } from "./astro";
import { errorsIn, findingLines } from "./findings";
import { writeJson, writeText } from "./publish";
import { progress, say } from "./terminal";

export interface DataStageInput {
  config: string;
  buildDate: string;
  /** The path the site is published under: the command line's, else the configuration's. */
  base: string;
  /** Folder the models are written to, read by Astro. */
  models: string;
  inputs?: string;
  /** Digest of the code (src/changes/inputs.ts), part of each portrait's reuse key. */
  code: string;
  previous?: Publication;
  /** --force: the published site is replaced, even another configuration's (then compared with nothing). */
  force: boolean;
  /** The published site, whose unchanged portraits are linked instead of rendered; none with --force. */
  reuseFrom?: string;
  /** The folders of files as read, indicators' values and what secrecy hid by earlier builds (src/pipeline/read-compute.ts), and whether to take from them (not with --force). */
  caches?: { readings: string; values: string; secrecy: string; geometry: string; reuse: boolean };
}

export interface DataStageSummary {
  changes: ChangeReport;
  /** Codes of the EPCIs whose portrait is published (CTG signed). */
  published: string[];
  /** Codes of the portraits taken as published (src/site/reuse.ts). */
  reused: string[];
  /** The EPCIs with commune sheets to make, and the sheets taken as published. */
  sheets: { epcis: string[]; reused: string[] };
  epcis: number;
  secretValues: number;
  warnings: number;
}

export async function run({ config, buildDate, base, models, inputs, code, previous: published, force, reuseFrom, caches }: DataStageInput): Promise<DataStageSummary> {
  const settings = (dir: string) => ({ dir, code, reuse: caches?.reuse });
  const result = await runPipeline(config, {
    buildDate,
    base,
    caches: caches && {
      readings: new BuildCache(settings(caches.readings)),
      values: new BuildCache(settings(caches.values)),
      secrecy: new BuildCache(settings(caches.secrecy)),
      geometry: settings(caches.geometry),
    },
    onStage: (stage) => {
      progress(stage);
      if (stage === "contrôles de qualité") notifyParent(ASTRO_MAY_START); // the maps are built and the source tables let go
    },
  });
  const publication = { ...publicationOf(buildDate, territoryOf(result.declarations.config), result.declarations.sources.values(), result.portraits), inputs, base };
  const previous = force && published && otherSite(published, publication) ? undefined : published;
  const findings = [...result.findings, ...checkAgainstPublished(previous, publication)];
  say(findingLines(findings, { max: 10 }).join("\n"));
  if (errorsIn(findings).length > 0) throw new Error("des erreurs bloquent la publication (voir ci-dessus ; npm run check les détaille toutes)");
  // A portrait or sheet kept as published needs no model: only the others are made.
  const keyOf = portraitKeyer(code, result.site);
  const keep = reuseFrom ? reusable("epci", previous?.pages, reuseFrom) : () => false;
  const reused: string[] = [];
  publication.pages = {};
  result.portraits.forEach((portrait, i) => {
    progress(`modèle ${i + 1}/${result.portraits.length} : ${portrait.epci.name}`);
    const text = JSON.stringify(portrait);
    const page = { code: portrait.epci.code, key: keyOf(text), withData: portrait.epci.agreement.signed };
    publication.pages![page.code] = page.key;
    if (keep(page)) reused.push(page.code);
    else writeText(models, `portraits/${page.code}.json`, text);
  });
  const sheets = sheetModels(result, models, sheetKeyer(code, result.site), reuseFrom ? reusable("commune", previous?.sheets, reuseFrom) : () => false);
  publication.sheets = sheets.keys;
  for (const indicator of result.indicators) writeJson(models, `indicateurs/${indicator.id}.json`, indicator);
  writeJson(models, "reuse.json", { from: reuseFrom, codes: reused });
  writeJson(models, "site.json", result.site);
  const changes = diffPublications(previous, publication);
  writeJson(models, "publication.json", publication);
  writeJson(models, "changes.json", changes);
  return {
    changes,
    published: result.portraits.filter((p) => p.epci.agreement.signed).map((p) => p.epci.code),
    reused,
    sheets: { epcis: sheets.epcis, reused: sheets.reused },
    epcis: result.portraits.length,
    secretValues: result.secrecy.primary + result.secrecy.complementary,
    warnings: findings.filter((f) => f.severity === "warning").length,
  };
}

/**
 * Every EPCI's commune sheets keyed, and the models of those not kept as published written, one file
 * per EPCI (what its sheets share written once).
 */
function sheetModels(
  result: PipelineResult,
  models: string,
  keyer: ReturnType<typeof sheetKeyer>,
  keep: ReturnType<typeof reusable>,
): { keys: Record<string, string>; epcis: string[]; reused: string[] } {
  const done = { keys: {} as Record<string, string>, epcis: [] as string[], reused: [] as string[] };
  for (const epci of result.territories.epcis) {
    const { shared, communes } = result.communeSheets(epci);
    const keyOf = keyer(shared);
    const made = communes.filter((sheet) => {
      const code = sheet.commune.code;
      const key = (done.keys[code] = keyOf(sheet));
      if (!keep({ code, key, withData: shared.published })) return true;
      done.reused.push(code);
      return false;
    });
    if (made.length === 0) continue;
    writeJson(models, `communes/${epci.code}.json`, { shared, communes: made });
    done.epcis.push(epci.code);
  }
  return done;
}
