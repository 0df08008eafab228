// The geometry stage as a task of the pipeline's other thread (pipeline/aside.ts): it needs only
// the declarations and the referential, and takes about as long as computing the indicators.
import { resolve } from "node:path";
import type { Config } from "../declare/schemas";
import { readCommuneChanges } from "./changes";
import { loadGeography, type PlanarGeography } from "./geometry";
import type { Territories } from "./types";

export function run({ config, configDir, territories }: { config: Config; configDir: string; territories: Territories }): PlanarGeography | undefined {
  const renew = config.communeChanges ? readCommuneChanges(resolve(configDir, config.communeChanges)) : undefined;
  return loadGeography(config, configDir, territories, renew);
}
