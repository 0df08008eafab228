// npm run init: inspect the data folder, recognise the official files, write (or bring up to date)
// config.yaml, sources.yaml and plan.yaml in the configuration folder, and say what was done.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { Document, parseDocument } from "yaml";
import { DeclarationError, loadDeclarations } from "../declare";
import type { Declarations } from "../declare/declarations";
import { portraitPlanSchema, type PortraitPlan } from "../declare/schemas";
import { decoupageData } from "../territories/decoupage";
import { assemble, type Entry, type Recognised } from "./assemble";
import { findContours } from "./contours";
import { recognitionLines, shownFile, unknownLines } from "./describe";
import { dictionaryLabels } from "./dictionary";
import { inspectFolder, type InspectedGeo, type InspectedTable } from "./inspect";
import { recognise } from "./layouts";
import { draftPlan, keepComputable, planFrom, withoutRefused } from "./plan";
import { mergeSources, newSources, toText } from "./write";

const REPO = resolve(import.meta.dirname, "../..");
const CATALOGUE = join(REPO, "indicators");
const TEMPLATES = ["gers.yaml", "demo.yaml"].map((f) => join(REPO, "portraits", f));

export interface InitOptions {
  departement: string;
  data: string;
  out: string;
}

const posix = (path: string) => path.split(sep).join("/");

export async function runInit({ departement, data, out }: InitOptions): Promise<string[]> {
  const name = decoupageData().departements.find((d) => d.code === departement)?.nom;
  if (!name) throw new Error(`département « ${departement} » inconnu du référentiel national`);
  const dataDir = resolve(data);
  const outDir = resolve(out);
  const files = [sourcesPath(outDir), configPath(outDir), planPath(outDir)];
  const rerun = existsSync(files[0]);
  const before = rerun ? tryLoad(files[1]) : undefined;

  const inspected = await inspectFolder(dataDir);
  const tables = inspected.filter((i): i is InspectedTable => i.kind === "table");
  const recognised: Recognised[] = [];
  const unknown: InspectedTable[] = [];
  for (const table of tables) {
    const recognition = recognise(table);
    if (recognition) recognised.push({ table, recognition });
    else unknown.push(table);
  }
  const labels = dictionaryLabels(recognised.find((r) => r.recognition.layout.startsWith("dictionnaire"))?.table);
  const { entries, idle, legal } = assemble(recognised);
  const contours = findContours(inspected.filter((i): i is InspectedGeo => i.kind === "geojson"), departement);
  const unreadable = inspected.filter((i) => i.kind === "unreadable");

  const about = new Map<Entry, string[]>(entries.map((e) => [e, recognitionLines(e.from.table, e.from.recognition, departement, legal.get(e.from.table))]));
  const notes = [
    ...idle.map((r) => `${shownFile(r.table)} : ${r.recognition.layout}, non déclaré : ${r.recognition.unused ?? "ses variables viennent déjà d'un autre fichier (un seul fichier par variable et par niveau)"}.`),
    ...unknown.flatMap((t) => unknownLines(t, departement)),
    ...unreadable.map((u) => `${shownFile(u)} : illisible (${"problem" in u ? u.problem : ""}).`),
    ...contours.others.map((g) => `${g.file} : GeoJSON de ${g.features.length} entités, non retenu comme contours des communes.`),
  ];
  mkdirSync(outDir, { recursive: true });
  const lines: string[] = [];
  let changes: string[] = [];
  if (rerun) {
    const doc = parseDocument(readFileSync(files[0], "utf8"));
    changes = mergeSources(doc, entries, about, labels, (file) => existsSync(resolve(dataDir, file))).map((c) => `${c.id} : ${c.what}`);
    writeFileSync(files[0], toText(doc));
  } else {
    const header = [
      `Sources écrites par npm run init pour le département ${departement} (${name}), d'après les fichiers de ${posix(relative(outDir, dataDir)) || "."}.`,
      "Chaque fichier a été reconnu par ses colonnes ; encodage, séparateur, marque décimale, ligne d'en-tête",
      "et marqueurs de secret ont été lus une fois et sont écrits ici : la construction ne devine rien.",
      "<AA> dans une colonne : les deux derniers chiffres du millésime (celui de la colonne, sinon celui de",
      "la source) : P<AA>_POP est P22_POP en 2022. Relancer npm run init après avoir déposé les fichiers",
      "d'un nouveau millésime met ces déclarations à jour sans toucher à ce que vous avez modifié.",
    ];
    const footer = notes.length ? ["Fichiers du dossier non déclarés :", ...notes] : [];
    writeFileSync(files[0], toText(newSources(entries, about, header, footer, labels)));
  }
  if (!existsSync(files[1])) writeFileSync(files[1], configText(departement, name, dataDir, outDir, contours.best));
  const planWritten = !existsSync(files[2]);
  // The user's plan is set aside while the draft tells what the sources now allow.
  const userPlan = planWritten ? undefined : readFileSync(files[2], "utf8");
  writeFileSync(files[2], planText(draftPlan(), []));
  let after = load(files[1]);
  if (userPlan === undefined) after = writePlan(files, after);
  else {
    writeFileSync(files[2], keepComputable(userPlan, after.computable));
    after = load(files[1]);
  }

  lines.push(`${entries.length} sources déclarées dans ${posix(relative(process.cwd(), files[0]))}, depuis ${new Set(entries.map((e) => e.from.table)).size} fichiers :`);
  for (const e of entries) lines.push(`  ${e.declaration.id} : ${shownFile(e.from.table)} (${e.from.recognition.layout}, ${e.from.recognition.level.level}, ${e.declaration.vintage}, ${Object.keys(e.declaration.columns).length} variables)`);
  const guessed = entries.filter((e) => legal.get(e.from.table)?.sure === false);
  if (guessed.length)
    lines.push(
      "À VÉRIFIER : le millésime des populations légales n'est pas écrit dans leurs fichiers ; le confirmer (vintage dans sources.yaml), il est dans le titre de l'indicateur :",
      ...guessed.map((e) => `  ${e.declaration.id} : ${e.declaration.vintage}, ${legal.get(e.from.table)!.how}.`),
    );
  lines.push(contours.best ? `Contours des communes : ${contours.best.file} (propriété ${contours.best.codeProperty}${contours.best.codePrefix ? `, préfixe « ${contours.best.codePrefix} »` : ""}, ${contours.best.matched} communes du département).` : "Aucun GeoJSON de contours des communes du département : pas de cartes.");
  if (notes.length) lines.push("Non déclarés :", ...notes.map((n) => `  ${n}`));
  const computable = [...after.computable].filter((id) => after.indicators.has(id));
  lines.push(`${computable.length} indicateurs du catalogue calculables avec ces fichiers, ${after.planIndicators.length} dans le plan ${posix(relative(process.cwd(), files[2]))}.`);
  if (rerun) lines.push(...rerunLines(changes, before, after));
  lines.push(`Ensuite : npm run check -- --config ${posix(relative(process.cwd(), files[1]))}`);
  return lines;
}

const sourcesPath = (dir: string) => join(dir, "sources.yaml");
const configPath = (dir: string) => join(dir, "config.yaml");
const planPath = (dir: string) => join(dir, "plan.yaml");

function tryLoad(config: string): Declarations | undefined {
  try {
    return loadDeclarations(config);
  } catch {
    return undefined;
  }
}

function load(config: string): Declarations {
  try {
    return loadDeclarations(config);
  } catch (e) {
    if (e instanceof DeclarationError) throw new Error(`la configuration écrite ne se charge pas :\n${e.message}`);
    throw e;
  }
}

/** The plan from the repository's plans and what these files allow; the plan rules drop what they refuse. */
function writePlan(files: string[], declarations: Declarations): Declarations {
  const templates = TEMPLATES.filter(existsSync).map((f) => portraitPlanSchema.parse(parseDocument(readFileSync(f, "utf8")).toJS()));
  const vintageOf = (id: string) => {
    const ref = declarations.indicators.get(id)?.formula;
    const first = ref && ("value" in ref ? ref.value : "to" in ref ? ref.to : undefined);
    const [source, variable] = String(Array.isArray(first) ? first[0] : first).split(".");
    const declared = [...declarations.sources.values()].find((s) => (s.extends ?? s.id) === source && variable in s.columns);
    const column = declared?.columns[variable];
    return typeof column === "object" ? column.vintage : declared?.vintage;
  };
  const drafted = planFrom(templates, declarations.indicators, declarations.computable, vintageOf);
  let plan: PortraitPlan = drafted.plan;
  for (let attempt = 0; attempt < 5; attempt++) {
    writeFileSync(files[2], planText(plan, drafted.unplaced));
    try {
      return loadDeclarations(files[1]);
    } catch (e) {
      if (!(e instanceof DeclarationError)) throw e;
      const refused = e.issues.filter((i) => resolve(i.file) === files[2]).map((i) => i.path);
      if (refused.length === 0) throw new Error(`la configuration écrite ne se charge pas :\n${e.message}`);
      plan = withoutRefused(plan, refused);
    }
  }
  return load(files[1]);
}

function planText(plan: PortraitPlan, unplaced: string[]): string {
  const doc = new Document(plan);
  doc.commentBefore = [
    " Plan du portrait écrit par npm run init : six pages, une par thème ; chacune est une page des plans du",
    " dépôt (portraits/), celle qui montre le plus de ce que ces fichiers permettent, gardée pour ses seuls",
    " indicateurs calculables (chaque page tient ainsi sur sa feuille A4). À modifier à volonté :",
    " npm run check dit si un bloc montre un indicateur que les sources ne donnent pas, npm run pdf si une",
    " page déborde de sa feuille.",
    ...(unplaced.length
      ? [
          ` Calculables mais montrés par aucun bloc (à ajouter à un tableau si la page a la place) : ${unplaced.length}`,
          ...wrapIds(unplaced),
        ]
      : []),
  ].join("\n");
  return toText(doc);
}

/** Ids on comment lines of about 100 characters. */
function wrapIds(ids: string[]): string[] {
  const lines: string[] = [];
  for (const id of ids) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + id.length < 100) lines[last] += `, ${id}`;
    else lines.push(`   ${id}`);
  }
  return lines;
}

function configText(departement: string, name: string, dataDir: string, outDir: string, contours?: { file: string; codeProperty: string; codePrefix: string }): string {
  const doc = new Document({
    name: `Portraits de territoire : ${name}`,
    publisher: "À compléter : qui publie ces portraits",
    departement,
    dataDir: posix(relative(outDir, dataDir)) || ".",
    sources: "sources.yaml",
    indicators: posix(relative(outDir, CATALOGUE)),
    plan: "plan.yaml",
    territories: { from: "decoupage-administratif", epciRule: "majority-population" },
    ...(contours ? { geometry: { communes: posix(relative(outDir, join(dataDir, contours.file))), codeProperty: contours.codeProperty, codePrefix: contours.codePrefix } } : {}),
  });
  doc.commentBefore = [
    ` Configuration écrite par npm run init pour le département ${departement} (${name}).`,
    " Les chemins sont relatifs à ce fichier. Les communes et les EPCI viennent du référentiel national",
    " (@etalab/decoupage-administratif) ; majority-population : une EPCI a un portrait si plus de la moitié",
    " de sa population vit dans le département (les communes des autres comptent dans le département).",
    " Sans fichier des CTG (agreements), chaque EPCI est publiée comme signataire.",
  ].join("\n");
  return toText(doc);
}

function rerunLines(changes: string[], before: Declarations | undefined, after: Declarations): string[] {
  const computable = (d?: Declarations) => new Set(d ? [...d.computable].filter((id) => d.indicators.has(id)) : []);
  const [was, now] = [computable(before), computable(after)];
  const gained = [...now].filter((id) => !was.has(id));
  const lost = [...was].filter((id) => !now.has(id));
  if (changes.length === 0 && gained.length === 0 && lost.length === 0) return ["Aucun changement : les sources déclarées sont à jour avec les fichiers du dossier."];
  return [
    "Changements :",
    ...changes.map((c) => `  ${c}`),
    ...(gained.length ? [`  indicateurs devenus calculables (à ajouter au plan si voulu) : ${gained.join(", ")}`] : []),
    ...(lost.length ? [`  indicateurs qui ne sont plus calculables (retirés du plan) : ${lost.join(", ")}`] : []),
  ];
}
