// The whole data side of a build, stage after stage, each handing a typed artefact to the next:
// declarations → producer tables → territories → indicators → secrecy → quality → models.
import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { SourceIndex } from "../compute/components";
import { computeIndicators } from "../compute/compute";
import type { ComputedIndicators } from "../compute/types";
import { loadDeclarations } from "../declare/load";
import type { Declarations } from "../declare/declarations";
import type { Indicator } from "../declare/schemas";
import { logicalId } from "../declare/source-files";
import { buildPortrait, buildSite, type ModelInput } from "../model/build";
import type { PortraitModel, SiteModel } from "../model/types";
import { checkBounds, checkCoverage, checkVintages } from "../quality/checks";
import type { Finding } from "../quality/findings";
import { gridOfMessage, readSources, startWorkbooks, type GridMessage, type Workbooks } from "../read/index";
import { renewTable } from "../read/renew";
import type { SourceTable } from "../read/types";
import { applySecrecy } from "../secrecy/secrecy";
import { readAgreements } from "../territories/agreements";
import { readCommuneChanges, type RenewCode } from "../territories/changes";
import type { PlanarGeography } from "../territories/geometry";
import { loadTerritories } from "../territories/load";
import type { LoadedTerritories, Territories } from "../territories/types";
import { Aside } from "./aside";

export interface PipelineResult {
  declarations: Declarations;
  territories: Territories;
  portraits: PortraitModel[];
  site: SiteModel;
  findings: Finding[];
  secrecy: { primary: number; complementary: number };
}

export interface PipelineOptions {
  buildDate: string;
  /** Called when a stage starts, for progress lines. */
  onStage?: (stage: string) => void;
}

export async function runPipeline(configPath: string, { buildDate, onStage = () => {} }: PipelineOptions): Promise<PipelineResult> {
  onStage("déclarations");
  const declarations = loadDeclarations(configPath);
  const { config, configDir, dataDir } = declarations;
  // The other core reads the large workbooks (exceljs takes seconds on one) while this thread
  // reads the CSV files, then builds the maps while the indicators are computed: in that order,
  // the order they are needed in. A small workbook is read here sooner than the thread starts.
  const aside = new Aside();
  try {
    const large = [...declarations.sources.values()].filter((s) => sizeOf(join(dataDir, s.file)) > 1e6);
    const workbooks = startWorkbooks(large, (source) =>
      aside.run<GridMessage>(new URL("../read/xlsx-task.ts", import.meta.url), { source, dataDir }).then(gridOfMessage),
    );
    onStage("territoires");
    const loaded = loadTerritories(config, configDir);
    const geography = aside.run<PlanarGeography | undefined>(new URL("../territories/geometry-task.ts", import.meta.url), {
      config,
      configDir,
      territories: loaded.territories,
    });
    aside.finish(); // the last task: the thread's memory is given back before the models are built
    return await fromTerritories(declarations, loaded, workbooks, geography, { buildDate, onStage });
  } finally {
    aside.stop();
  }
}

/** The stages after the territories, with what the other thread reads and builds meanwhile. */
async function fromTerritories(
  declarations: Declarations,
  { territories, warnings: territoryWarnings }: LoadedTerritories,
  workbooks: Workbooks,
  geographyResult: Promise<PlanarGeography | undefined>,
  { buildDate, onStage }: Required<PipelineOptions>,
): Promise<PipelineResult> {
  const { config, configDir, sources, plan } = declarations;
  const agreementsRead = config.agreements
    ? readAgreements(resolve(configDir, config.agreements), territories)
    : { agreements: new Map(territories.epcis.map((e) => [e.code, { signed: true }])), warnings: [] };

  const renew = config.communeChanges ? readCommuneChanges(resolve(configDir, config.communeChanges)) : undefined;
  const computable = [...declarations.indicators.values()].filter((ind) => declarations.computable.has(ind.id));
  const { computed, renewFindings, coverage } = await computeFromFiles(declarations, territories, computable, workbooks, renew, onStage);

  onStage("secret statistique");
  const categoryGroups = plan.pages
    .flatMap((page) => page.blocks)
    .filter((block) => ["pyramid", "stacked-bar", "donut"].includes(block.kind))
    .map((block) => block.indicators);
  const secrecy = applySecrecy({ indicators: computable, computed, territories, categoryGroups });

  onStage("géographie");
  const geography = await geographyResult;

  onStage("contrôles de qualité");
  const findings: Finding[] = [
    ...declarations.warnings.map((w): Finding => ({ rule: "declaration", severity: "warning", message: w.message, file: w.file })),
    ...[...territoryWarnings, ...agreementsRead.warnings].map((message): Finding => ({ rule: "territories", severity: "warning", message })),
    ...(geography?.issues ?? []).map((issue): Finding => ({ rule: "geometry", severity: "warning", message: issue.message })),
    ...renewFindings,
    ...coverage,
    ...checkBounds(computable, computed, territories),
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
    agreements: agreementsRead.agreements,
    maps: {
      frame: { width: geography?.width ?? 0, height: geography?.height ?? 0 },
      communes: geography?.communes ?? new Map(),
      epcis: geography?.epcis ?? new Map(),
    },
    buildDate,
  };
  const portraits = territories.epcis.map((epci) => buildPortrait(input, epci));
  return { declarations, territories, portraits, site: buildSite(input), findings, secrecy };
}

/**
 * The read and compute stages, with the findings that need the producer tables: the tables are
 * the largest thing the pipeline holds, and are let go once the indicators are computed.
 */
async function computeFromFiles(
  declarations: Declarations,
  territories: Territories,
  computable: Indicator[],
  workbooks: Workbooks,
  renew: RenewCode | undefined,
  onStage: (stage: string) => void,
): Promise<{ computed: ComputedIndicators; renewFindings: Finding[]; coverage: Finding[] }> {
  onStage("lecture des fichiers");
  const tables: SourceTable[] = [];
  const renewFindings = new Map<string, Finding>(); // by file and line: a file several sources read is reported once
  for await (const table of readSources([...declarations.sources.values()], declarations.dataDir, workbooks)) {
    const source = declarations.sources.get(table.sourceId)!;
    if (!renew) tables.push(table);
    else {
      const renewed = renewTable(table, renew, nonAdditiveVariables(declarations, logicalId(source)));
      tables.push(renewed.table);
      for (const { from, to, line } of renewed.folded)
        renewFindings.set(`${table.file}:${line}`, {
          rule: "commune-change", severity: "info", file: table.file, line, territory: from,
          message: `La commune ${from} (ancien code) est rattachée à ${to}, qui l'a absorbée.`,
        });
    }
  }

  onStage("calcul des indicateurs");
  const computed = computeIndicators(computable, new SourceIndex(tables, declarations.sources.values()), territories);
  return { computed, renewFindings: [...renewFindings.values()], coverage: checkCoverage(tables, territories) };
}

/** Variables of a logical source that indicators take as published (medians, rates): never summed. */
function nonAdditiveVariables(declarations: Declarations, sourceId: string): Set<string> {
  const refs = [...declarations.indicators.values()]
    .filter((ind) => ind.formula.kind === "published")
    .map((ind) => (ind.formula as { value: string }).value);
  return new Set(refs.filter((ref) => ref.startsWith(`${sourceId}.`)).map((ref) => ref.slice(sourceId.length + 1)));
}

/** A file's size in bytes; 0 if it cannot be read (the read stage then says why). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
