// Where the build keeps what later builds may reuse: drawn charts (src/cli/charts.ts), producer files
// as read, indicators' values and what secrecy hid (src/pipeline/read-compute.ts), maps
// (src/territories/geometry-task.ts) and the archive's compressed pieces (src/downloads/piece-store.ts),
// each in its folder of PORTRAITS_CACHE (node_modules/.cache/portraits by default; "off": no cache).
// Inside, each configuration has a folder of its own: two configurations may share EPCI codes, as the
// demo and the benchmark's France do.
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";

/** The folder of `kind` for configuration `config`, or undefined when PORTRAITS_CACHE=off. */
export function cacheFolder(kind: "charts" | "readings" | "values" | "secrecy" | "geometry" | "pieces", config: string, version = ""): string | undefined {
  const setting = process.env.PORTRAITS_CACHE;
  if (setting === "off") return undefined;
  const root = resolve(setting || "node_modules/.cache/portraits");
  return join(root, kind, version, createHash("sha1").update(resolve(config)).digest("hex").slice(0, 12));
}

/** The data stage's folders for configuration `config`, or undefined when PORTRAITS_CACHE=off. */
export function dataCacheFolders(config: string): { readings: string; values: string; secrecy: string; geometry: string } | undefined {
  const [readings, values, secrecy, geometry] = (["readings", "values", "secrecy", "geometry"] as const).map((kind) => cacheFolder(kind, config));
  return readings && values && secrecy && geometry ? { readings, values, secrecy, geometry } : undefined;
}
