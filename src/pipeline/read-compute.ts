// The read and compute stages, taking from the build caches (src/pipeline/build-cache.ts) what an
// earlier build did with the same inputs: a file read the same way, for the same territories, is
// not read again (src/compute/source-columns.ts), and an indicator whose declaration, files and
// territories are unchanged is not computed again. After one producer file changed, a
// republication reads that file and computes the indicators that use it.
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { SourceIndex } from "../compute/components";
import { computeIndicators } from "../compute/compute";
import { columnsOf, type SourceColumns } from "../compute/source-columns";
import type { ComputedIndicators, IndicatorValues } from "../compute/types";
import { ValueColumn, type ColumnData } from "../compute/values";
import type { Declarations } from "../declare/declarations";
import type { Indicator, Source } from "../declare/schemas";
import { logicalId } from "../declare/source-files";
import { formulaParts } from "../compute/formula";
import { coverageFindings } from "../quality/coverage";
import { countedVariables, plausibilityFindings } from "../quality/plausibility";
import type { Finding } from "../quality/findings";
import { awaitedFile, awaitedFinding, awaitedTable } from "../partners/awaited";
import { readSources, startWorkbooks, type Workbooks } from "../read/index";
import type { RawTable } from "../read/raw";
import { renewTable } from "../read/renew";
import type { HiddenValues } from "../secrecy/secrecy";
import type { Renewal } from "../territories/renewal";
import type { Territories } from "../territories/types";
import { BuildCache, fileDigest, type CacheSettings } from "./build-cache";

/** A file as read, with what reading it found (commune changes, coverage), reported again when it is reused. */
export interface ReadRecord {
  /** Digest of the territories its columns are lined up with (`territoriesDigest`). */
  territories: string;
  columns: SourceColumns;
  findings: Finding[];
}

/** An indicator's values as kept: its commune column as plain data. */
export type StoredValues = Omit<IndicatorValues, "commune"> & { commune: ColumnData };

export interface BuildCaches {
  readings: BuildCache<ReadRecord>;
  values: BuildCache<StoredValues>;
  /** What secrecy hid (src/pipeline/secrecy-cache.ts). */
  secrecy: BuildCache<HiddenValues>;
  /** Where the geometry task keeps the maps (src/territories/geometry-task.ts). */
  geometry: CacheSettings;
}

export const noCaches = (): BuildCaches => ({ readings: new BuildCache(), values: new BuildCache(), secrecy: new BuildCache(), geometry: {} });

/** How each source will be had: a cached reading, a workbook being read on the other thread, or the file. */
export interface Reading {
  caches: BuildCaches;
  /** Each source's key in the readings cache (`readKeys`), by source id; undefined without a cache. */
  keys: Map<string, string | undefined>;
  /** The cached readings found, by source id; taken only if lined up with the territories loaded since. */
  cached: Map<string, ReadRecord>;
  workbooks: Workbooks;
}

/**
 * Before the territories are loaded: each source's cached reading if any, and the large workbooks
 * without one started with `readWorkbook` (on the other thread: SheetJS takes seconds on one).
 */
export function startReading(declarations: Declarations, caches: BuildCaches, large: (source: Source) => boolean, readWorkbook: (source: Source) => Promise<RawTable>): Reading {
  const keys = readKeys(declarations, caches.readings);
  const cached = new Map<string, ReadRecord>();
  for (const [id, key] of keys) {
    const record = caches.readings.get(key);
    if (record) cached.set(id, record);
  }
  const unread = [...declarations.sources.values()].filter((s) => !cached.has(s.id) && large(s));
  return { caches, keys, cached, workbooks: startWorkbooks(unread, readWorkbook) };
}

/** Every computable indicator at every level, with the findings of the reading and each indicator's key in the values cache. */
export async function readAndCompute(
  declarations: Declarations,
  territories: Territories,
  computable: Indicator[],
  { caches, keys, cached, workbooks }: Reading,
  renewal: Renewal,
  onStage: (stage: string) => void,
): Promise<{ computed: ComputedIndicators; readFindings: Finding[]; valueKeys: Map<string, string | undefined>; coverage: Map<string, string> }> {
  onStage("lecture des fichiers");
  const codes = territories.communes.map((c) => c.code);
  const position = new Map(codes.map((code, i) => [code, i]));
  const place = territoriesDigest(territories);
  const sources = [...declarations.sources.values()];
  // The producer tables are the largest thing the pipeline holds: each is let go once lined up as columns.
  const records = new Map([...cached].filter(([, record]) => record.territories === place));
  for (const source of sources.filter((s) => awaitedFile(s, declarations.dataDir)))
    records.set(source.id, { territories: place, columns: columnsOf(awaitedTable(source, codes), source, position), findings: [awaitedFinding(source)] });
  for await (const table of readSources(sources.filter((s) => !records.has(s.id)), declarations.dataDir, workbooks)) {
    const source = declarations.sources.get(table.sourceId)!;
    const renewed = renewTable(table, renewal, nonAdditiveVariables(declarations, logicalId(source)));
    const { referential } = renewal;
    const national = referential && { referential, region: territories.region.code, france: source.france };
    const record = {
      territories: place,
      columns: columnsOf(renewed.table, source, position, national),
      findings: [...plausibilityFindings(table, source, countedVariables(declarations.indicators.values(), logicalId(source))), ...coverageFindings(renewed, territories, national)],
    };
    caches.readings.put(keys.get(source.id), record);
    records.set(source.id, record);
  }
  caches.readings.prune();
  // A file several sources read gives the same findings for each: reported once.
  const findings = new Map(sources.flatMap((s) => records.get(s.id)!.findings).map((f) => [JSON.stringify(f), f]));
  // Each file's summary line, without its path, for the methods page.
  const coverage = new Map(
    sources.flatMap((s) => records.get(s.id)!.findings.filter((f) => f.rule === "coverage-summary").map((f): [string, string] => [s.id, f.message.slice(`${f.file} : `.length)])),
  );

  onStage("calcul des indicateurs");
  const valueKeys = new Map(computable.map((indicator) => [indicator.id, valueKey(indicator, declarations, keys, place, caches.values)]));
  const stored = new Map<string, StoredValues>();
  for (const [id, key] of valueKeys) {
    const values = caches.values.get(key);
    if (values) stored.set(id, values);
  }
  const index = new SourceIndex(sources.map((s) => records.get(s.id)!.columns), codes.length);
  const fresh = computeIndicators(computable.filter((indicator) => !stored.has(indicator.id)), index, territories).byId;
  for (const [id, values] of fresh) caches.values.put(valueKeys.get(id), { ...values, commune: (values.commune as ValueColumn).columnData() });
  caches.values.prune();
  const byId = new Map(
    computable.map(({ id }): [string, IndicatorValues] => {
      const kept = stored.get(id);
      return [id, kept ? { ...kept, commune: new ValueColumn(position, kept.commune) } : fresh.get(id)!];
    }),
  );
  return { computed: { byId }, readFindings: [...findings.values()], valueKeys, coverage };
}

/** Digest of the territories: communes in order, EPCIs and groups with their communes, names. */
const territoriesDigest = (territories: Territories): string => createHash("sha256").update(JSON.stringify(territories)).digest("hex");

/** Each source's key in the readings cache: its declaration and file, the commune changes, its variables never summed and those counted. */
function readKeys(declarations: Declarations, cache: BuildCache<ReadRecord>): Map<string, string | undefined> {
  const { config, configDir, dataDir, sources } = declarations;
  const changes = config.communeChanges ? fileDigest(resolve(configDir, config.communeChanges)) : "";
  const files = new Map<string, string | undefined>(); // several sources may read one file
  const digest = (file: string) => (files.has(file) ? files.get(file) : files.set(file, fileDigest(resolve(dataDir, file))).get(file));
  return new Map(
    [...sources.values()].map((source) => {
      const file = digest(source.file);
      return [source.id, file && cache.key([file, source, changes, ...[nonAdditiveVariables(declarations, logicalId(source)), countedVariables(declarations.indicators.values(), logicalId(source))].map((set) => [...set].sort())])];
    }),
  );
}

/** An indicator's key in the values cache: its declaration, the readings of every file of the sources it refers to, the territories. */
function valueKey(indicator: Indicator, declarations: Declarations, readKeys: Map<string, string | undefined>, territories: string, cache: BuildCache<StoredValues>): string | undefined {
  const logical = new Set(Object.values(formulaParts(indicator.formula)).flat().map((ref) => ref.split(".")[0]));
  const files = [...declarations.sources.values()].filter((s) => logical.has(logicalId(s))).map((s) => readKeys.get(s.id));
  return files.every((key) => key !== undefined) ? cache.key([indicator, files, territories]) : undefined;
}

/** Variables of a logical source that indicators take as published (medians, rates): never summed. */
function nonAdditiveVariables(declarations: Declarations, sourceId: string): Set<string> {
  const refs = [...declarations.indicators.values()]
    .filter((ind) => ind.formula.kind === "published")
    .map((ind) => (ind.formula as { value: string }).value);
  return new Set(refs.filter((ref) => ref.startsWith(`${sourceId}.`)).map((ref) => ref.slice(sourceId.length + 1)));
}
