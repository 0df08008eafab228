// The build's side of the chart cache (src/charts/cache.ts): which folder it uses, named after the
// version of everything that draws a chart.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { hashTree } from "../changes/inputs";
import { cacheFolder } from "./caches";

/** Code a drawn chart depends on besides its input (patches/ alters a drawing package), and the packages that draw it. */
export const RENDER_CODE = ["src/charts", "src/format", "patches"];
export const RENDER_PACKAGES = ["@observablehq/plot", "linkedom", "d3-array", "d3-geo", "d3-shape"];

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
