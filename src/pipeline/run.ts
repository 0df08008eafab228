// The whole data side of a build, stage after stage, each handing a typed artefact to the next:
// declarations → producer tables → territories → indicators → secrecy → quality → models.
import { resolve } from "node:path";
import { SourceIndex } from "../compute/components";
import { computeIndicators } from "../compute/compute";
import type { ComputedIndicators } from "../compute/types";
import { loadDeclarations } from "../declare/load";
import type { Declarations } from "../declare/declarations";
import type { Indicator, Source } from "../declare/schemas";
import { logicalId } from "../declare/source-files";
import { buildPortrait, buildSite, type ModelInput } from "../model/build";
import type { PortraitModel, SiteModel } from "../model/types";
import { checkBounds, checkCoverage, checkVintages } from "../quality/checks";
import type { Finding } from "../quality/findings";
import { gridOfMessage, readSources, type GridMessage } from "../read/index";
import { renewTable } from "../read/renew";
import type { SourceTable } from "../read/types";
import { applySecrecy } from "../secrecy/secrecy";
import { readAgreements } from "../territories/agreements";
import { readCommuneChanges, type RenewCode } from "../territories/changes";
import type { PlanarGeography } from "../territories/geometry";
import { loadTerritories } from "../territories/load";
import type { LoadedTerritories, Territories } from "../territories/types";
import { aside, type Aside } from "./aside";

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
  const { config, configDir } = declarations;

  onStage("territoires");
  const loaded = loadTerritories(config, configDir);
  // The geometry stage runs meanwhile on the other core: nothing before the models needs it.
  const geography = aside<PlanarGeography | undefined>(new URL("../territories/geometry-worker.ts", import.meta.url), {
    config,
    configDir,
    territories: loaded.territories,
  });
  try {
    return await fromTerritories(declarations, loaded, geography.result, { buildDate, onStage });
  } finally {
    geography.stop();
  }
}

/** The stages after the territories, the geometry stage's result coming from its thread. */
async function fromTerritories(
  declarations: Declarations,
  { territories, warnings: territoryWarnings }: LoadedTerritories,
  geographyResult: Promise<PlanarGeography | undefined>,
  { buildDate, onStage }: Required<PipelineOptions>,
): Promise<PipelineResult> {
  const { config, configDir, sources, plan } = declarations;
  const agreementsRead = config.agreements
    ? readAgreements(resolve(configDir, config.agreements), territories)
    : { agreements: new Map(territories.epcis.map((e) => [e.code, { signed: true }])), warnings: [] };

  const renew = config.communeChanges ? readCommuneChanges(resolve(configDir, config.communeChanges)) : undefined;
  const computable = [...declarations.indicators.values()].filter((ind) => declarations.computable.has(ind.id));
  const { computed, renewFindings, coverage } = await computeFromFiles(declarations, territories, computable, renew, onStage);

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
  renew: RenewCode | undefined,
  onStage: (stage: string) => void,
): Promise<{ computed: ComputedIndicators; renewFindings: Finding[]; coverage: Finding[] }> {
  onStage("lecture des fichiers");
  const tables: SourceTable[] = [];
  const renewFindings = new Map<string, Finding>(); // by file and line: a file several sources read is reported once
  const { dataDir } = declarations;
  // Workbooks are read on threads of their own meanwhile: exceljs takes seconds on a large one.
  const threads: Aside<GridMessage>[] = [];
  const readWorkbook = (source: Source) => {
    threads.push(aside<GridMessage>(new URL("../read/xlsx-worker.ts", import.meta.url), { source, dataDir }));
    return threads.at(-1)!.result.then(gridOfMessage);
  };
  try {
    for await (const table of readSources([...declarations.sources.values()], dataDir, readWorkbook)) {
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
  } finally {
    for (const thread of threads) thread.stop();
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
