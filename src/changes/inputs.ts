// A digest of everything a build reads: the configuration's folder and every file or folder it names,
// the project's code and locked packages, the Node version and the build date. Builds are
// deterministic, so an equal digest means the very same site: republishing with nothing new keeps
// the published site instead of building it again. Files enter the digest by their path relative to
// where they were named and their content, so a copy of the same files elsewhere has the same digest.
import { createHash, type Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { readConfig } from "../declare/load";

/** What the pages and downloads are made with besides the configuration's files. */
const PROJECT = ["src", "public", "patches", "astro.config.mjs", "package.json", "package-lock.json", "tsconfig.json"];

/** Digest of the code a build runs: the project's files, its locked and patched packages, the Node version. */
export function codeDigest(root = "."): string {
  const hash = createHash("sha256").update(`${process.version}\n`);
  for (const name of PROJECT) hashTree(hash, name, resolve(root, name));
  return hash.digest("hex");
}

/**
 * The digest of a build of `configFile` on `buildDate` written to `out`; undefined when the
 * configuration does not load (the build itself then reports why).
 */
export function inputsDigest(configFile: string, buildDate: string, out: string, code = codeDigest(), base = "/"): string | undefined {
  const data = readConfig(configFile); // with its defaults (the catalogue's folder)
  if (!data) return undefined;
  const configDir = dirname(resolve(configFile));
  const skip = resolve(out);
  // The base is in every link: given on the command line, it is not in the configuration's files.
  const hash = createHash("sha256").update(`${code}\n${buildDate}\n${base}\n`);
  // A path inside one already hashed (the data folder in the configuration's) is hashed once.
  const hashed: string[] = [];
  for (const [label, path] of [["configuration", configDir], ...namedPaths(data, configDir)]) {
    if (hashed.some((done) => path === done || path.startsWith(done + sep))) continue;
    hashed.push(path);
    hashTree(hash, label, path, skip);
  }
  return hash.digest("hex");
}

/** Every string of the configuration that names an existing file or folder, by its key path. */
function namedPaths(value: unknown, configDir: string, key = ""): [string, string][] {
  if (key === "base") return []; // a URL path ("/" at the root), not a file
  if (typeof value === "string") {
    const path = resolve(configDir, value);
    return value !== "" && existsSync(path) ? [[`configuration.${key}`, path]] : [];
  }
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => namedPaths(v, configDir, key ? `${key}.${k}` : k));
}

/**
 * Adds `path` (a file, or a folder walked in name order) under `label`: each file's path below it
 * and content. Hidden entries, node_modules and `skip` (the published site) with its staging
 * folders (`dist.previous-…`) are left out.
 */
export function hashTree(hash: Hash, label: string, path: string, skip?: string): void {
  hash.update(`\0${label}\n`);
  const visit = (absolute: string, relative: string) => {
    if (skip && (absolute === skip || absolute.startsWith(`${skip}.`))) return;
    if (!existsSync(absolute)) return;
    if (statSync(absolute).isDirectory()) {
      for (const name of readdirSync(absolute).sort())
        if (!name.startsWith(".") && name !== "node_modules") visit(join(absolute, name), relative ? `${relative}/${name}` : name);
    } else hash.update(`${relative}\n`).update(createHash("sha256").update(readFileSync(absolute)).digest("hex"));
  };
  visit(path, "");
}
