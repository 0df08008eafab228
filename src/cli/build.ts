// `npm run build [-- --config <file>] [--out dist] [--date YYYY-MM-DD] [--force]`: the data stage (in a
// process of its own, src/cli/data-stage.ts), then Astro, then an atomic swap into the output folder.
// A failure leaves the published site as it was; inputs identical to the published site's
// (src/changes/inputs.ts) leave it as it is, unless --force.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { codeDigest, inputsDigest } from "../changes/inputs";
import { changeLines } from "../changes/terminal";
import { Aside } from "../pipeline/aside";
import { readPublication } from "../pipeline/check";
import { chartCacheDir, warmCharts } from "./charts";
import type { DataStageInput, DataStageSummary } from "./data-stage";
import { linkFolder, stagingDir, swapInto, withLock } from "./publish";
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
  const code = codeDigest();
  const inputs = inputsDigest(args.config!, buildDate, args.out!, code);
  const previous = readPublication(args.out!);
  if (!args.force && inputs !== undefined && previous?.inputs === inputs) {
    console.log(
      `Rien n'a changé depuis la publication du ${previous.buildDate} (mêmes fichiers, même code, même date) : ` +
        `le site publié dans ${args.out}/ est conservé tel quel. Pour le reconstruire quand même : --force.`,
    );
    cleanUp();
    process.exit(0);
  }
  const dataStage = new Aside("process");
  const summary = await dataStage
    .run<DataStageSummary>(new URL("./data-stage.ts", import.meta.url), { config: args.config!, buildDate, models, inputs, code, previous, reuseFrom: args.force ? undefined : resolve(args.out!) } satisfies DataStageInput)
    .finally(() => dataStage.finish());
  const { changes, published, reused } = summary;
  const reusedSet = new Set(reused);
  const rendered = published.filter((c) => !reusedSet.has(c));

  const charts = chartCacheDir(args.config!);
  // Workers draw the charts from the last portrait back while Astro starts and renders the first
  // portraits itself; they stop once Astro is done, and a worker's error fails the build then.
  const astroDone = new AbortController();
  const warming = charts ? warmCharts(models, charts, rendered.sort().reverse(), astroDone.signal) : Promise.resolve();
  warming.catch(() => {}); // awaited below

  const kept = reused.length ? ` ; ${reused.length} portrait${reused.length > 1 ? "s" : ""} inchangé${reused.length > 1 ? "s" : ""} repris du site publié` : "";
  progress(`pages du site (Astro : une ligne par page${kept})`);
  const astro = await withLock(".astro/build.lock", () => {
    const env = { ...process.env, PORTRAITS_BUILD_DIR: models, PORTRAITS_OUT_DIR: site, PORTRAITS_CHART_DIR: charts ?? "", ASTRO_TELEMETRY_DISABLED: "1" };
    const child = spawn(process.execPath, ["node_modules/astro/bin/astro.mjs", "build"], { stdio: "inherit", env });
    return new Promise<number | null>((resolve, reject) => child.on("error", reject).on("close", resolve));
  });
  astroDone.abort();
  await warming;
  if (astro !== 0) throw new Error("la construction des pages a échoué (voir les messages d'Astro ci-dessus)");
  // Unchanged portraits, left out of Astro's pass, come as published (their PDF too).
  for (const epci of reused) linkFolder(join(args.out!, "epci", epci), join(site, "epci", epci));
  swapInto(site, args.out!);

  console.log(`\n${changeLines(changes).join("\n")}`);
  const { warnings } = summary;
  console.log(
    `\nTerminé en ${((Date.now() - started) / 1000).toFixed(1)} s : ${published.length} portraits publiés sur ${summary.epcis} EPCI, ` +
      `${summary.secretValues} valeurs sous secret statistique, ${warnings} avertissement${warnings > 1 ? "s" : ""}. Site dans ${args.out}/`,
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

