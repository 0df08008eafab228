// `npm run build [-- --config <file>] [--out dist] [--date YYYY-MM-DD] [--force]`: the data stage (in a
// process of its own, src/cli/data-stage.ts), Astro (started while the data stage writes its models)
// with worker threads making portraits and commune sheets for it (src/cli/prepare.ts), the unchanged
// portraits linked from the published site (src/site/reuse.ts) meanwhile, then the download files put in place and an atomic
// swap into the output folder. A failure leaves the published site as it was; inputs identical to the
// published site's (src/changes/inputs.ts) leave it as it is, unless --force, which also renders every
// portrait and takes nothing from the data stage's caches (src/cli/caches.ts; drawn charts and archive
// pieces, kept under the digest of all they are made from, are still taken).
import { mkdirSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { codeDigest, inputsDigest } from "../changes/inputs";
import { readConfig } from "../declare/load";
import { baseProblem, normalizeBase } from "../format/base";
import { changeLines } from "../changes/terminal";
import { Aside } from "../pipeline/aside";
import { readPublication } from "../changes/publication";
import { chartCacheDir } from "./charts";
import { ASTRO_MAY_START, startAstro, type AstroRun } from "./astro";
import { cacheFolder, dataCacheFolders } from "./caches";
import type { DataStageInput, DataStageSummary } from "./data-stage";
import { makePreparedDir, placeFiles, PortraitWorkers, preparedLine, preparedSheetsLine } from "./prepare";
import { commandLine, isoDate } from "./args";
import { SHEET_FOLDER_FILES } from "../site/reuse";
import { linkFolder, stagingDir, swapInto } from "./publish";
import { buildDateFrom, failWith, progress } from "./terminal";

const args = commandLine({
  command: "npm run build --",
  summary: "Construit le site des portraits d'une configuration, dans un dossier neuf qui ne remplace le site publié qu'une fois tout réussi.",
  options: {
    config: { type: "string", default: "data/demo/config.yaml", value: "fichier", description: "la configuration à construire" },
    out: { type: "string", default: "dist", value: "dossier", description: "le dossier du site publié" },
    date: { type: "string", value: "AAAA-MM-JJ", description: "la date de construction affichée (par défaut SOURCE_DATE_EPOCH, sinon aujourd'hui)", check: isoDate },
    force: { type: "boolean", default: false, description: "reconstruire même si rien n'a changé, sans rien reprendre du site publié" },
    base: { type: "string", value: "chemin", description: "le chemin du site sur son hébergement, comme /portraits/ (par défaut : la clé base de la configuration, sinon /)", check: baseProblem },
  },
  notes: ["Ensuite : npm run pdf pour les PDF des portraits."],
});

const started = Date.now();
/** "1 portrait inchangé", "12 portraits inchangés". */
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const buildDate = buildDateFrom(args.date);
// The command line's base wins over the configuration's (an invalid configuration is reported by the data stage).
const base = normalizeBase(args.base ?? readConfig(args.config)?.base ?? "/");
const models = stagingDir(args.out, "models");
const site = stagingDir(args.out, "site");
const kept = stagingDir(args.out, "kept"); // unchanged portraits and sheets, linked while the others are made
// The data stage's process loads its code while the inputs are hashed: it is needed unless nothing changed.
const dataStage = new Aside("process");
const dataStageTask = new URL("./data-stage.ts", import.meta.url);
dataStage.preload(dataStageTask);
let stopOnFailure = async () => {};
try {
  const code = codeDigest();
  const inputs = inputsDigest(args.config, buildDate, args.out, code, base);
  const previous = readPublication(args.out);
  if (!args.force && inputs !== undefined && previous?.inputs === inputs) {
    console.log(
      `Rien n'a changé depuis la publication du ${previous.buildDate} (mêmes fichiers, même code, même date) : ` +
        `le site publié dans ${args.out}/ est conservé tel quel. Pour le reconstruire quand même : --force.`,
    );
    dataStage.stop();
    cleanUp();
    process.exit(0);
  }
  const charts = chartCacheDir(args.config);
  const caches = dataCacheFolders(args.config);
  // Astro starts once the data stage has let go of its largest tables, and bundles while the models are written.
  let astro: AstroRun | undefined;
  const prepared = makePreparedDir(models);
  const astroEnv = { PORTRAITS_OUT_DIR: site, PORTRAITS_CHART_DIR: charts ?? "", PORTRAITS_PIECES_DIR: cacheFolder("pieces", args.config) ?? "", PORTRAITS_PREPARED_DIR: prepared, PORTRAITS_BASE: base };
  // The workers making portraits for Astro load their code meanwhile too.
  let workers: PortraitWorkers | undefined;
  const startWorkers = () => (workers ??= new PortraitWorkers(models, prepared, charts, site));
  dataStage.onEvent((event) => {
    if (event !== ASTRO_MAY_START) return;
    astro ??= startAstro(models, astroEnv);
    startWorkers();
  });
  stopOnFailure = async () => {
    astro?.stop();
    await Promise.all([astro?.done.catch(() => {}), workers?.end()]);
  };
  const summary = await dataStage
    .run<DataStageSummary>(dataStageTask, { config: args.config, buildDate, base, models, inputs, code, previous, force: args.force, reuseFrom: args.force ? undefined : resolve(args.out), caches: caches && { ...caches, reuse: !args.force } } satisfies DataStageInput)
    .finally(() => dataStage.finish());
  const { changes, published, reused, sheets } = summary;
  const reusedSet = new Set(reused);
  const rendered = published.filter((c) => !reusedSet.has(c));

  // Workers make the portraits from the last one back while Astro renders from the first, and every
  // EPCI's sheets. A worker's error stops Astro, which may be waiting for that portrait, and fails the build.
  const astroDone = new AbortController();
  const preparing = startWorkers().prepare(rendered, sheets.epcis, astroDone.signal).catch((error: unknown) => {
    astro?.stop();
    throw error;
  });
  preparing.catch(() => {}); // awaited below

  const keptNote = [
    reused.length && `${plural(reused.length, "portrait inchangé repris", "portraits inchangés repris")} du site publié`,
    sheets.reused.length && `${plural(sheets.reused.length, "fiche communale inchangée reprise", "fiches communales inchangées reprises")} du site publié`,
  ]
    .filter(Boolean)
    .map((note) => ` ; ${note}`)
    .join("");
  progress(`pages du site (Astro : une ligne par page${keptNote})`);
  astro ??= startAstro(models, astroEnv);
  astro.release();
  // Unchanged portraits and sheets, left out of Astro's pass and the workers', come as published (their PDF too).
  for (const epci of reused) linkFolder(join(args.out, "epci", epci), join(kept, "epci", epci));
  for (const commune of sheets.reused) linkFolder(join(args.out, "commune", commune), join(kept, "commune", commune), SHEET_FOLDER_FILES);
  const exitCode = await astro.done;
  astroDone.abort();
  const helped = await preparing;
  if (exitCode !== 0) throw new Error("la construction des pages a échoué (voir les messages d'Astro ci-dessus)");
  placeFiles(prepared, site, rendered);
  for (const [folder, codes] of [["epci", reused], ["commune", sheets.reused]] as const) {
    mkdirSync(join(site, folder), { recursive: true });
    for (const code of codes) renameSync(join(kept, folder, code), join(site, folder, code));
  }
  swapInto(site, args.out);

  console.log(`\n${preparedLine(helped, rendered.length)}\n${preparedSheetsLine(helped.sheets)}`);
  console.log(`\n${changeLines(changes).join("\n")}`);
  const { warnings } = summary;
  console.log(
    `\nTerminé en ${((Date.now() - started) / 1000).toFixed(1)} s : ${published.length} portraits publiés sur ${summary.epcis} EPCI, ` +
      `${summary.secretValues} valeurs sous secret statistique, ${warnings} avertissement${warnings > 1 ? "s" : ""}. Site dans ${args.out}/`,
  );
} catch (error) {
  dataStage.stop();
  await stopOnFailure();
  cleanUp();
  failWith(error);
}
for (const dir of [models, kept]) rmSync(dir, { recursive: true, force: true });

function cleanUp() {
  for (const dir of [site, models, kept]) rmSync(dir, { recursive: true, force: true });
}

