// Cross-checks of the portrait plan: its blocks against the catalogue and the sources of this configuration.
import { basename } from "node:path";
import { BLOCK_RULES } from "./block-rules";
import type { CatalogueIndicator } from "./declarations";
import { formulaRefs } from "./formula-refs";
import type { DeclarationIssue } from "./issues";
import type { Block, Level, Source } from "./schemas";
import { logicalId, refLevels } from "./source-files";
import { didYouMean } from "./suggest";
import { issueAt } from "./yaml-file";
import type { Located } from "./yaml-file";

export interface PlanInput {
  /** Blocks that passed validation, even when the rest of the plan did not (to report everything at once). */
  blocks: Located<Block>[];
  /** Valid catalogue indicators, by id. */
  indicators: Map<string, Located<CatalogueIndicator>>;
  /** Every id written in the catalogue, valid indicator or not. */
  declaredIndicatorIds: Set<string>;
  /** False when an indicator file could not be read: then no id can be said unknown. */
  catalogueRead: boolean;
  undeclaredSources: Map<string, string[]>;
  /** Declared source files, by their own id. */
  sources: Map<string, Source>;
  sourcesFile?: string;
}

export function checkPlan(input: PlanInput): DeclarationIssue[] {
  return [
    ...input.blocks.flatMap((block) => [...checkShape(block, input), ...block.value.indicators.flatMap((id, k) => checkIndicator(block, id, k, input))]),
    ...checkSheetBlock(input.blocks),
  ];
}

/** A sheet shows one figure beside its key figures: one block marked for it, of a kind drawn for a commune. */
function checkSheetBlock(blocks: Located<Block>[]): DeclarationIssue[] {
  const marked = blocks.filter((b) => b.value.sheet);
  const [drawn, refused] = [marked.filter((b) => BLOCK_RULES[b.value.kind].sheet), marked.filter((b) => !BLOCK_RULES[b.value.kind].sheet)];
  const kinds = Object.entries(BLOCK_RULES).flatMap(([kind, rule]) => (rule.sheet ? [kind] : []));
  return [
    ...refused.map(({ value, yaml, path }) => issueAt(yaml, [...path, "sheet"], `un bloc ${value.kind} ne peut pas être dessiné sur les fiches communales`, `Seuls les blocs ${kinds.join(" ou ")} le peuvent.`)),
    ...drawn
      .slice(1)
      .map(({ yaml, path }) => issueAt(yaml, [...path, "sheet"], `un seul bloc du plan est montré sur les fiches communales ; « ${drawn[0].value.title} » l'est déjà`, "Retirer « sheet: true » de l'un des deux blocs.")),
  ];
}

/** Number of indicators and labels, shared unit. */
function checkShape({ value: block, yaml, path }: Located<Block>, input: PlanInput): DeclarationIssue[] {
  const rule = BLOCK_RULES[block.kind];
  const n = block.indicators.length;
  const odd = rule.pairs && n % 2 === 1;
  const issues: DeclarationIssue[] = [];
  const report = (message: string, hint?: string, field = "indicators") => issues.push(issueAt(yaml, [...path, field], message, hint));

  if (rule.max === 0 && n > 0) report(`un bloc ${block.kind} ne montre aucun indicateur ; trouvé : ${n}`, "Retirer la liste indicators de ce bloc.");
  else if (n === 0 && rule.min > 0) report(`aucun indicateur dans ce bloc ${block.kind}`, "Ajouter la liste indicators.");
  else if (rule.max === 1 && n > 1) report(`un bloc ${block.kind} montre un seul indicateur ; trouvé : ${n}`, "Faire un bloc par indicateur.");
  else if (n < rule.min) report(`un bloc ${block.kind} montre au moins ${rule.min} indicateurs ; trouvé : ${n}`);
  else if (odd) report(`une pyramide montre des paires d'indicateurs (hommes, femmes) par tranche d'âge ; trouvé : ${n} indicateurs, un nombre impair`);

  const expected = rule.pairs ? n / 2 : n;
  if (block.labels && block.labels.length !== expected && !odd) {
    const per = rule.pairs ? "paire hommes, femmes" : "indicateur";
    report(`attendu : ${expected} libellés (un par ${per}), trouvé : ${block.labels.length}`, undefined, "labels");
  }

  if (rule.sameUnit) {
    const byUnit = new Map<string, string[]>();
    for (const id of block.indicators) {
      const unit = input.indicators.get(id)?.value.unit;
      if (unit) byUnit.set(unit, [...(byUnit.get(unit) ?? []), id]);
    }
    const units = [...byUnit].map(([unit, ids]) => `${unit} (${ids.join(", ")})`).join(", ");
    if (byUnit.size > 1) report(`les indicateurs d'un bloc ${block.kind} partagent une même unité ; trouvé : ${units}`);
  }
  return issues;
}

/** The indicator exists, and this configuration can compute it for an EPCI, or by commune for a map. */
function checkIndicator({ value: block, yaml, path }: Located<Block>, id: string, k: number, input: PlanInput): DeclarationIssue[] {
  const at = (message: string, hint?: string) => [issueAt(yaml, [...path, "indicators", k], message, hint)];
  const located = input.indicators.get(id);
  if (!located) {
    if (input.declaredIndicatorIds.has(id) || !input.catalogueRead) return []; // reported in the catalogue
    return at(`indicateur inconnu « ${id} »`, didYouMean(id, input.declaredIndicatorIds) ?? "Vérifier l'identifiant dans le dossier des indicateurs.");
  }
  const indicator = located.value;
  const undeclared = input.undeclaredSources.get(id);
  if (undeclared) {
    const where = input.sourcesFile ? basename(input.sourcesFile) : "le fichier des sources";
    const names = undeclared.map((s) => `« ${s} »`).join(", ");
    return at(
      `le bloc « ${block.title} » montre « ${id} », que cette configuration ne peut pas calculer : source ${names} non déclarée`,
      didYouMean(undeclared[0], new Set([...input.sources.values()].map(logicalId))) ?? `Déclarer la source dans ${where}, ou retirer l'indicateur du bloc.`,
    );
  }
  const perRef = refsLevels(indicator, input.sources);
  if (!perRef) return []; // a variable no valid file gives: reported in the sources file or the catalogue
  const levels = perRef.reduce((common, here) => new Set([...common].filter((l) => here.has(l))));
  const list = [...levels].join(", ") || "aucun";
  // A summed indicator takes each variable from its communes' sum or from the EPCI's own row (a partner's table by EPCI).
  const summable = indicator.aggregation === "sum" && perRef.every((here) => here.has("commune") || here.has("epci"));
  // A map shows only commune values: an EPCI value the producer does not publish is no obstacle.
  // One of a variable given by EPCI is drawn, its communes « non disponible » (the map says so).
  if (BLOCK_RULES[block.kind].communes)
    return levels.has("commune") || summable
      ? []
      : at(
          `une carte par commune demande des valeurs par commune ; les sources de « ${id} » ne donnent que les niveaux ${list}`,
          "Choisir un autre type de bloc, par exemple comparison-bars.",
        );
  if (BLOCK_RULES[block.kind].anyLevel && levels.size > 0) return [];
  if (!levels.has("epci") && !summable)
    return at(
      `« ${id} » ne peut pas être calculé pour un EPCI : ses sources ne donnent que les niveaux ${list}`,
      indicator.aggregation === "published"
        ? "Un indicateur published demande des valeurs publiées par EPCI ; sans elles, seule une carte par commune (choropleth) peut le montrer."
        : "Il faut des lignes par commune ou par EPCI.",
    );
  return [];
}

/** For each variable of the formula, the levels at which it has rows, in whichever file of its source; undefined if one has none. */
function refsLevels(indicator: CatalogueIndicator, sources: Map<string, Source>): Set<Level>[] | undefined {
  const perRef = formulaRefs(indicator.formula).map((r) => refLevels(`${r.source}.${r.variable}`, sources.values()));
  return perRef.some((levels) => levels.size === 0) ? undefined : perRef;
}
