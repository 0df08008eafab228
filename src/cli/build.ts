// `npm run build [-- --config <file>] [--out dist] [--date YYYY-MM-DD] [--force]`: the data stage (on a
// thread of its own, src/cli/data-stage.ts), then Astro (src/cli/astro.ts), then an atomic swap into
// the output folder.
// A failure leaves the published site as it was; inputs identical to the published site's
// (src/changes/inputs.ts) leave it as it is, unless --force.
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { inputsDigest } from "../changes/inputs";
import { changeLines } from "../changes/terminal";
import { Aside } from "../pipeline/aside";
import { readPublication } from "../pipeline/check";
import { astroProcesses, renderSite } from "./astro";
import { chartCacheDir } from "./charts";
import type { DataStageInput, DataStageSummary } from "./data-stage";
import { stagingDir, swapInto } from "./publish";
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
  const thread = new Aside();
  const summary = await thread
    .run<DataStageSummary>(new URL("./data-stage.ts", import.meta.url), { config: args.config!, buildDate, models, inputs, previous } satisfies DataStageInput)
    .finally(() => thread.finish());
  const { changes, published } = summary;

  const processes = astroProcesses(published.length);
  progress(`pages du site (Astro${processes > 1 ? `, ${processes} processus` : ""} : une ligne par page)`);
  await renderSite({ models, site, charts: chartCacheDir(args.config!), processes });
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

