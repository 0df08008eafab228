// Loads the configuration and everything it names, validates each file, cross-checks them, and either
// returns the Declarations or throws one DeclarationError listing every problem of every file.
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { checkCatalogue, firstById, uncomputableWarnings } from "./check-catalogue";
import { checkPlan } from "./check-plan";
import { checkSources } from "./check-sources";
import { empty, indicatorFiles, items, planBlocks, RELATIVE_HINT, themeOf } from "./collect";
import type { CatalogueIndicator, Declarations } from "./declarations";
import { DeclarationError, sortIssues } from "./issues";
import type { DeclarationIssue } from "./issues";
import { validateYaml } from "./parse-file";
import { configSchema, indicatorSchema, indicatorsFileSchema, portraitPlanSchema, sourceSchema, sourcesFileSchema } from "./schemas";
import type { Config, Source } from "./schemas";
import { logicalId } from "./source-files";
import { resolveVintageColumns } from "./vintage-columns";
import { issueAt, readYaml } from "./yaml-file";
import type { Located, YamlFile } from "./yaml-file";

/** The configuration file alone, with its defaults; undefined when it does not load (loadDeclarations says why). */
export function readConfig(configPath: string): Config | undefined {
  const file = resolve(configPath);
  const yaml = isFile(file) ? readYaml(file).yaml : undefined;
  return yaml && validateYaml(yaml, configSchema).data;
}

export function loadDeclarations(configPath: string): Declarations {
  const issues: DeclarationIssue[] = [];
  const files: string[] = [];
  const read = (file: string): YamlFile | undefined => {
    files.push(file);
    const result = readYaml(file);
    issues.push(...result.issues);
    return result.yaml;
  };
  const fail = (): never => {
    throw new DeclarationError(sortIssues(issues, files));
  };

  const configFile = resolve(configPath);
  const configDir = dirname(configFile);
  if (!isFile(configFile)) {
    issues.push({ file: configFile, path: "", message: "fichier de configuration introuvable", hint: "Vérifier le chemin donné à --config." });
    fail();
  }
  const configYaml = read(configFile);
  if (!configYaml) return fail();
  const config = validateYaml(configYaml, configSchema);
  issues.push(...config.issues);

  // Follow the paths the configuration names even if other fields are wrong: one run, every error.
  const linked = (key: string, kind: "file" | "folder", fallback?: string): string | undefined => {
    const raw = (configYaml.data as Record<string, unknown> | null)?.[key] ?? fallback;
    if (typeof raw !== "string" || raw === "") return undefined; // reported by the schema
    const path = resolve(configDir, raw);
    if (kind === "file" ? isFile(path) : isFolder(path)) return path;
    issues.push(issueAt(configYaml, [key], `${kind === "file" ? "fichier" : "dossier"} « ${raw} » introuvable`, RELATIVE_HINT));
    return undefined;
  };
  const sourcesFile = linked("sources", "file");
  const indicatorsDir = linked("indicators", "folder", configSchema.shape.indicators.parse(undefined));
  const planFile = linked("plan", "file");

  const sourcesYaml = sourcesFile ? read(sourcesFile) : undefined;
  const listed = sourcesYaml ? items(sourcesYaml, "sources", sourcesFileSchema, sourceSchema, issues) : empty<Source>();
  const sources = { ...listed, valid: resolveVintageColumns(listed.valid, issues) };

  const indicators = empty<CatalogueIndicator>();
  let catalogueRead = indicatorsDir !== undefined;
  for (const file of indicatorsDir ? indicatorFiles(indicatorsDir, configYaml, issues) : []) {
    const yaml = read(file);
    if (!yaml) {
      catalogueRead = false;
      continue;
    }
    const found = items(yaml, "indicators", indicatorsFileSchema, indicatorSchema, issues);
    indicators.ids.push(...found.ids);
    const theme = themeOf(yaml, issues);
    if (theme) indicators.valid.push(...found.valid.map((i) => ({ ...i, value: { ...i.value, theme, file } })));
  }

  const planYaml = planFile ? read(planFile) : undefined;
  const plan = planYaml ? validateYaml(planYaml, portraitPlanSchema) : undefined;
  issues.push(...(plan?.issues ?? []));
  const blocks = planYaml ? planBlocks(planYaml) : [];

  // Cross-checks see only what could be read; an unreadable file must not make everything "unknown".
  const planIds = new Set(blocks.flatMap((b) => b.value.indicators));
  issues.push(...checkSources(sources.valid, sources.ids));
  const catalogue = checkCatalogue({
    sources: sources.valid,
    sourceIds: sources.ids,
    indicators: indicators.valid,
    indicatorIds: indicators.ids,
    sourcesRead: sourcesYaml !== undefined,
    planIds,
  });
  issues.push(...catalogue.issues);
  const sourceMap = firstById(sources.valid);
  const catalogueMap = new Map<string, Located<CatalogueIndicator>>();
  for (const i of indicators.valid) if (!catalogueMap.has(i.value.id)) catalogueMap.set(i.value.id, i);
  issues.push(
    ...checkPlan({
      blocks,
      indicators: catalogueMap,
      declaredIndicatorIds: new Set(indicators.ids.map((i) => i.value)),
      catalogueRead,
      undeclaredSources: catalogue.undeclaredSources,
      sources: sourceMap,
      sourcesFile,
    }),
  );
  const planIndicators = [...planIds];
  const warnings = uncomputableWarnings(indicators.valid, catalogue, planIds, new Set([...sourceMap.values()].map(logicalId)));
  const uncomputable = new Set([...catalogue.undeclaredSources.keys(), ...catalogue.undeclaredVariables.keys()]);

  if (issues.length > 0 || !config.data || !plan?.data) throw new DeclarationError(sortIssues(issues, files), warnings);
  return {
    configPath: configFile,
    configDir,
    config: config.data,
    dataDir: resolve(configDir, config.data.dataDir),
    sources: sourceMap,
    indicators: new Map([...catalogueMap].map(([id, i]) => [id, i.value])),
    computable: new Set([...catalogueMap.keys()].filter((id) => !uncomputable.has(id))),
    plan: plan.data,
    planIndicators,
    warnings,
  };
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
const isFolder = (path: string) => existsSync(path) && statSync(path).isDirectory();
