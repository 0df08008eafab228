// `npm run build [-- --config <file>] [--out dist] [--date YYYY-MM-DD] [--force]`: data pipeline, then
// Astro, then an atomic swap into the output folder. A failure leaves the published site as it was;
// inputs identical to the published site's (src/changes/inputs.ts) leave it as it is, unless --force.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { checkAgainstPublished } from "../changes/checks";
import { diffPublications } from "../changes/diff";
import { inputsDigest } from "../changes/inputs";
import { publicationOf } from "../changes/publication";
import { changeLines } from "../changes/terminal";
import { parseArgs } from "node:util";
import { readPublication } from "../pipeline/check";
import { runPipeline } from "../pipeline/run";
import { chartCacheDir, warmCharts } from "./charts";
import { errorsIn, findingLines } from "./findings";
import { stagingDir, swapInto, withLock, writeJson } from "./publish";
import { buildDateFrom, failWith, progress } from "./terminal";

const { values: args } = parseArgs({
  options: {
    config: { type: "string", default: "data/demo/config.yaml" },
    out: { type: "string", default: "dist" },
    date: { type: "string" },
    force: { type: "boolean", default: false },
  },
});

const started = Date.now();
const buildDate = buildDateFrom(args.date);
const models = stagingDir(args.out!, "models");
const site = stagingDir(args.out!, "site");
try {
  const inputs = inputsDigest(args.config!, buildDate, args.out!);
  const previous = readPublication(args.out!);
  if (!args.force && inputs !== undefined && previous?.inputs === inputs) {
    console.log(
      `Rien n'a changé depuis la publication du ${previous.buildDate} (mêmes fichiers, même code, même date) : ` +
        `le site publié dans ${args.out}/ est conservé tel quel. Pour le reconstruire quand même : --force.`,
    );
    cleanUp();
    process.exit(0);
  }
  const result = await runPipeline(args.config!, { buildDate, onStage: progress });
  const publication = { ...publicationOf(buildDate, result.declarations.sources.values(), result.portraits), inputs };
  const findings = [...result.findings, ...checkAgainstPublished(previous, publication)];
  console.log(findingLines(findings, { max: 10 }).join("\n"));
  if (errorsIn(findings).length > 0) throw new Error("des erreurs bloquent la publication (voir ci-dessus ; npm run check les détaille toutes)");
  result.portraits.forEach((portrait, i) => {
    progress(`modèle ${i + 1}/${result.portraits.length} : ${portrait.epci.name}`);
    writeJson(models, `portraits/${portrait.epci.code}.json`, portrait);
  });
  writeJson(models, "site.json", result.site);
  const changes = diffPublications(previous, publication);
  writeJson(models, "publication.json", publication);
  writeJson(models, "changes.json", changes);

  const charts = chartCacheDir();
  const published = result.portraits.filter((p) => p.epci.agreement.signed).map((p) => p.epci.code);
  // Workers draw the charts from the last portrait back while Astro starts, writes the downloads and
  // renders the first portraits itself; they stop once Astro is done, and a worker's error fails the build then.
  const astroDone = new AbortController();
  const warming = charts ? warmCharts(models, charts, [...published].sort().reverse(), astroDone.signal) : Promise.resolve();
  warming.catch(() => {}); // awaited below

  progress("pages du site (Astro : une ligne par page)");
  const astro = await withLock(".astro/build.lock", () => {
    const env = { ...process.env, PORTRAITS_BUILD_DIR: models, PORTRAITS_OUT_DIR: site, PORTRAITS_CHART_DIR: charts ?? "", ASTRO_TELEMETRY_DISABLED: "1" };
    const child = spawn(process.execPath, ["node_modules/astro/bin/astro.mjs", "build"], { stdio: "inherit", env });
    return new Promise<number | null>((resolve, reject) => child.on("error", reject).on("close", resolve));
  });
  astroDone.abort();
  await warming;
  if (astro !== 0) throw new Error("la construction des pages a échoué (voir les messages d'Astro ci-dessus)");
  swapInto(site, args.out!);

  console.log(`\n${changeLines(changes).join("\n")}`);
  const warnings = findings.filter((f) => f.severity === "warning").length;
  console.log(
    `\nTerminé en ${((Date.now() - started) / 1000).toFixed(1)} s : ${published.length} portraits publiés sur ${result.portraits.length} EPCI, ` +
      `${result.secrecy.primary + result.secrecy.complementary} valeurs sous secret statistique, ${warnings} avertissement${warnings > 1 ? "s" : ""}. Site dans ${args.out}/`,
  );
} catch (error) {
  cleanUp();
  failWith(error);
}
rmSync(models, { recursive: true, force: true });

function cleanUp() {
  rmSync(site, { recursive: true, force: true });
  rmSync(models, { recursive: true, force: true });
}

