// The build's side of the chart cache (src/charts/cache.ts): which folder it uses, and worker threads
// that draw the portraits' charts into it on the cores Astro's single-threaded pass leaves idle.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { hashTree } from "../changes/inputs";
import { typeScriptWorker } from "../pipeline/thread";
import { cacheFolder } from "./caches";
import { progress } from "./terminal";

/** Code a drawn chart depends on besides its input (patches/ alters a drawing package), and the packages that draw it. */
export const RENDER_CODE = ["src/charts", "src/format", "patches"];
export const RENDER_PACKAGES = ["@observablehq/plot", "linkedom", "d3-geo", "d3-shape"];
/** Astro's pass is single-threaded: one worker per other core (none on one core, where Astro draws them all). */
const WORKERS = availableParallelism() - 1;

/** Hash of the chart code, the Node version and every installed package the drawing runs (dependencies included). */
export function rendererVersion(root = "."): string {
  const hash = createHash("sha1").update(process.version);
  for (const dir of RENDER_CODE) hashTree(hash, dir, join(root, dir));
  for (const pkg of installedPackages(root, RENDER_PACKAGES)) hash.update(`${pkg}\n`);
  return hash.digest("hex").slice(0, 16);
}

/** "name@version" of `names` and all their dependencies, as installed (a nested copy wins over the top-level one). */
function installedPackages(root: string, names: string[]): string[] {
  const found = new Set<string>();
  const visit = (name: string, from: string) => {
    const dir = [join(from, "node_modules", name), join(root, "node_modules", name)].find((d) => existsSync(join(d, "package.json")));
    if (!dir) throw new Error(`paquet ${name} introuvable dans node_modules : lancer npm install`);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string; dependencies?: Record<string, string> };
    const id = `${name}@${pkg.version}`;
    if (found.has(id)) return;
    found.add(id);
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir);
  };
  for (const name of names) visit(name, root);
  return [...found].sort();
}

/**
 * The chart folder of this renderer version and configuration (src/cli/caches.ts), or undefined when
 * caches are off; other versions' folders can never be read again and are removed.
 */
export function chartCacheDir(config: string): string | undefined {
  const version = rendererVersion();
  const folder = cacheFolder("charts", config, version);
  if (!folder) return undefined;
  const versions = dirname(dirname(folder));
  if (existsSync(versions)) for (const old of readdirSync(versions).filter((d) => d !== version)) rmSync(join(versions, old), { recursive: true, force: true });
  return folder;
}

/**
 * Draws the charts of portraits `codes` (models in `buildDir`), in this order, into the cache
 * `cacheDir` with worker threads, each taking the next portrait when done with one, until all are
 * drawn or `stop` aborts. Rejects with the first worker error.
 */
export function warmCharts(buildDir: string, cacheDir: string, codes: string[], stop: AbortSignal): Promise<void> {
  const queue = [...codes];
  const env = { ...process.env, PORTRAITS_BUILD_DIR: buildDir, PORTRAITS_CHART_DIR: cacheDir };
  const workers = Array.from({ length: Math.min(WORKERS, codes.length) }, () => typeScriptWorker(new URL("./chart-worker.ts", import.meta.url), { env }));
  if (workers.length) progress(`graphiques des portraits en parallèle d'Astro (${workers.length} processus léger${workers.length > 1 ? "s" : ""})`);
  return new Promise<void>((resolve, reject) => {
    let finished = false;
    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      void Promise.all(workers.map((w) => w.terminate())).then(() => (error ? reject(error) : resolve()));
    };
    stop.addEventListener("abort", () => finish(), { once: true });
    let idle = 0;
    for (const worker of workers) {
      const next = () => {
        const code = queue.shift();
        if (code !== undefined) worker.postMessage(code);
        else if (++idle === workers.length) finish();
      };
      worker.on("message", next);
      worker.on("error", finish);
      worker.on("exit", (code) => finish(new Error(`le dessin des graphiques s'est arrêté (code ${code})`)));
      next();
    }
    if (workers.length === 0) finish();
  });
}
