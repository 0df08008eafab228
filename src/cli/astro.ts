// Astro lays the site out from the models. It renders one page at a time, and a portrait's page costs
// tens of milliseconds (charts, tables, downloads): at national scale the portraits are shared among
// several Astro processes, one per core, each writing its own folder, merged into the site at the end.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve as absolute } from "node:path";
import { createInterface } from "node:readline";
import { withLock } from "./publish";

/** Fewer portraits than this per process, and starting one more (about 2 s of CPU) saves nothing. */
const PORTRAITS_PER_PROCESS = 200;
/** Each process holds its own Astro and its portraits' downloads: their number bounds the memory. */
const MAX_PROCESSES = 4;

/** How many Astro processes render `portraits`: PORTRAITS_ASTRO_PROCESSES if set, else one per core within the bounds above. */
export function astroProcesses(portraits: number, cores = availableParallelism()): number {
  const setting = process.env.PORTRAITS_ASTRO_PROCESSES;
  if (setting) {
    if (!/^[1-9]\d*$/.test(setting)) throw new Error(`PORTRAITS_ASTRO_PROCESSES=${setting} : un nombre entier de processus (1 ou plus) est attendu`);
    return Number(setting);
  }
  return Math.max(1, Math.min(cores, MAX_PROCESSES, Math.ceil(portraits / PORTRAITS_PER_PROCESS)));
}

export interface SiteRender {
  /** Folder of the portrait models (the data stage's output). */
  models: string;
  /** Folder the site is written to. */
  site: string;
  /** Chart cache folder, if any (src/cli/charts.ts). */
  charts?: string;
  processes: number;
}

/**
 * Runs `processes` Astro builds at once, the k-th rendering its share of the portraits (models.ts
 * shard) into a folder of its own, and merges them into `site`. The first process prints Astro's
 * messages; the others only their page lines. Rejects when one fails, after stopping the others.
 */
export async function renderSite({ models, site, charts, processes }: SiteRender): Promise<void> {
  const outs = Array.from({ length: processes }, (_, k) => (k === 0 ? site : `${site}-${k}`));
  const env = { ...process.env, PORTRAITS_BUILD_DIR: models, PORTRAITS_CHART_DIR: charts ?? "", ASTRO_TELEMETRY_DISABLED: "1" };
  const children: ChildProcess[] = [];
  const run = (out: string, k: number) =>
    new Promise<void>((done, reject) => {
      // Each in a working folder of its own inside the project: Astro writes its bundled server code to
      // <working folder>/.astro/ (the output folder is outside it), where the project's packages resolve.
      const cwd = absolute(`.astro/process-${k}`);
      mkdirSync(cwd, { recursive: true });
      const child = spawn(process.execPath, [absolute("node_modules/astro/bin/astro.mjs"), "build", "--root", absolute(".")], {
        cwd,
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...env, PORTRAITS_OUT_DIR: out, PORTRAITS_SHARD: `${k}/${processes}` },
      });
      children.push(child);
      // Whole lines only, or two processes' lines would mix; the first's all, the others' pages.
      createInterface({ input: child.stdout! }).on("line", (line) => (k === 0 || /[├└]─ /.test(line)) && console.log(line));
      child.on("error", reject).on("close", (code) => (code === 0 ? done() : reject(new Error("la construction des pages a échoué (voir les messages d'Astro ci-dessus)"))));
    });
  try {
    await withLock(".astro/build.lock", () =>
      Promise.all(outs.map(run)).catch((error: unknown) => {
        for (const child of children) child.kill();
        throw error;
      }),
    );
    for (const out of outs.slice(1)) mergeInto(out, site);
  } finally {
    for (const out of outs.slice(1)) rmSync(out, { recursive: true, force: true });
  }
}

/** Moves what `from` has and `into` lacks; a file both have (a site-wide page, an asset) is the same. */
function mergeInto(from: string, into: string): void {
  for (const name of readdirSync(from)) {
    const [source, target] = [join(from, name), join(into, name)];
    if (!existsSync(target)) renameSync(source, target);
    else if (lstatSync(source).isDirectory() && lstatSync(target).isDirectory()) mergeInto(source, target);
  }
}
