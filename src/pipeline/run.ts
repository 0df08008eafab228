// The whole data side of a build, stage after stage, each handing a typed artefact to the next:
// declarations → producer tables → territories → indicators → secrecy → quality → models.
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { loadDeclarations } from "../declare/load";
import type { Declarations } from "../declare/declarations";
import { buildPortrait, buildSite, type ModelInput } from "../model/build";
import { buildCommuneSheetsModel } from "../model/commune";
import { buildIndicatorPages } from "../model/indicator-page";
import type { CommuneSheetsModel, IndicatorPageModel, PortraitModel, SiteModel } from "../model/types";
import { checkBounds, checkReferences, checkVintages } from "../quality/checks";
import type { Finding } from "../quality/findings";
import { gridOfMessage, type GridMessage } from "../read/index";
import { applySecrecy } from "../secrecy/secrecy";
import { readAgreements } from "../territories/agreements";
import type { PlanarGeography } from "../territories/geometry";
import { loadTerritories } from "../territories/load";
import { loadRenewal } from "../territories/renewal";
import type { Epci, LoadedTerritories, Territories } from "../territories/types";
import { Aside } from "./aside";
import { noCaches, readAndCompute, startReading, type BuildCaches, type Reading } from "./read-compute";
import { secrecyStore } from "./secrecy-cache";

export interface PipelineResult {
  declarations: Declarations;
  territories: Territories;
  portraits: PortraitModel[];
  /** The sheets of an EPCI's communes, made on demand: all of them at once would weigh too much at national scale. */
  communeSheets: (epci: Epci) => CommuneSheetsModel;
  site: SiteModel;
  /** One per computed indicator, for its page across the département. */
  indicators: IndicatorPageModel[];
  findings: Finding[];
  secrecy: { primary: number; complementary: number };
}

export interface PipelineOptions {
  buildDate: string;
  /** The path the site is published under, instead of the configuration's `base` (npm run build -- --base). */
  base?: string;
  /** What earlier builds read and computed (none by default: every file is read, every indicator computed). */
  caches?: BuildCaches;
  /** Called when a stage starts, for progress lines. */
  onStage?: (stage: string) => void;
}

export async function runPipeline(configPath: string, { buildDate, base, caches = noCaches(), onStage = () => {} }: PipelineOptions): Promise<PipelineResult> {
  onStage("déclarations");
  const declared = loadDeclarations(configPath);
  const declarations = base ? { ...declared, config: { ...declared.config, base } } : declared;
  const { config, configDir, dataDir } = declarations;
  // The other core reads the large workbooks (SheetJS takes seconds on one) while this thread
  // reads the CSV files, then builds the maps while the indicators are computed: in that order,
  // the order they are needed in. A small workbook is read here sooner than the thread starts.
  const aside = new Aside();
  try {
    const reading = startReading(
      declarations,
      caches,
      (source) => sizeOf(resolve(dataDir, source.file)) > 1e6,
      (source) => aside.run<GridMessage>(new URL("../read/xlsx-task.ts", import.meta.url), { source, dataDir }).then(gridOfMessage),
    );
    onStage("territoires");
    const loaded = loadTerritories(config, configDir);
    const geography = aside.run<PlanarGeography | undefined>(new URL("../territories/geometry-task.ts", import.meta.url), {
      config,
      configDir,
      territories: loaded.territories,
      cache: caches.geometry,
    });
    aside.finish(); // the last task: the thread's memory is given back before the models are built
    return await fromTerritories(declarations, loaded, reading, geography, { buildDate, onStage });
  } finally {
    aside.stop();
  }
}

/** The stages after the territories, with what the other thread reads and builds meanwhile. */
async function fromTerritories(
  declarations: Declarations,
  { territories, warnings: territoryWarnings }: LoadedTerritories,
  reading: Reading,
  geographyResult: Promise<PlanarGeography | undefined>,
  { buildDate, onStage }: Required<Pick<PipelineOptions, "buildDate" | "onStage">>,
): Promise<PipelineResult> {
  const { config, configDir, sources, plan } = declarations;
  const agreementsRead = config.agreements
    ? readAgreements(resolve(configDir, config.agreements), territories)
    : { agreements: new Map(territories.epcis.map((e) => [e.code, { signed: true }])), warnings: [] };

  const renewal = loadRenewal(config, configDir);
  const computable = [...declarations.indicators.values()].filter((ind) => declarations.computable.has(ind.id));
  const { computed, readFindings, valueKeys, coverage } = await readAndCompute(declarations, territories, computable, reading, renewal, onStage);

  onStage("secret statistique");
  const categoryGroups = plan.pages
    .flatMap((page) => page.blocks)
    .filter((block) => ["pyramid", "stacked-bar", "donut"].includes(block.kind))
    .map((block) => block.indicators);
  const secrecy = applySecrecy({ indicators: computable, computed, territories, categoryGroups }, secrecyStore(reading.caches.secrecy, valueKeys));
  reading.caches.secrecy.prune();

  onStage("géographie");
  const geography = await geographyResult;

  onStage("contrôles de qualité");
  const findings: Finding[] = [
    ...declarations.warnings.map((w): Finding => ({ rule: "declaration", severity: "warning", message: w.message, file: w.file })),
    ...[...territoryWarnings, ...agreementsRead.warnings].map((message): Finding => ({ rule: "territories", severity: "warning", message })),
    ...(geography?.issues ?? []).map((issue): Finding => ({ rule: "geometry", severity: "warning", message: issue.message })),
    ...readFindings,
    ...checkBounds(computable, computed, territories),
    ...checkReferences(computable, computed, territories),
    ...checkVintages(computable, sources),
  ];

  onStage("modèles des portraits");
  const input: ModelInput = {
    config,
    sources,
    catalogue: declarations.indicators,
    plan,
    planIndicators: declarations.planIndicators,
    territories,
    computed,
    coverage,
    agreements: agreementsRead.agreements,
    maps: {
      frame: { width: geography?.width ?? 0, height: geography?.height ?? 0 },
      communes: geography?.communes ?? new Map(),
      epcis: geography?.epcis ?? new Map(),
    },
    buildDate,
  };
  const portraits = territories.epcis.map((epci) => buildPortrait(input, epci));
  const site = buildSite(input);
  await Promise.all([reading.caches.readings.flush(), reading.caches.values.flush(), reading.caches.secrecy.flush()]); // written meanwhile
  return { declarations, territories, portraits, communeSheets: (epci) => buildCommuneSheetsModel(input, epci), site, indicators: buildIndicatorPages(input), findings, secrecy };
}

/** A file's size in bytes; 0 if it cannot be read (the read stage then says why). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
