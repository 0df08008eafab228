// The geometry stage as a task of the pipeline's other thread (pipeline/aside.ts): it needs only
// the declarations and the referential, and takes about as long as computing the indicators. Its
// result is kept for the next build with the same contours, commune changes and territories.
import { resolve } from "node:path";
import type { Config } from "../declare/schemas";
import { BuildCache, fileDigest, type CacheSettings } from "../pipeline/build-cache";
import { loadGeography, type PlanarGeography } from "./geometry";
import { loadRenewal, renewCode } from "./renewal";
import type { Territories } from "./types";

interface GeometryTask {
  config: Config;
  configDir: string;
  territories: Territories;
  cache?: CacheSettings;
}

export async function run({ config, configDir, territories, cache: settings }: GeometryTask): Promise<PlanarGeography | undefined> {
  if (!config.geometry) return undefined;
  const changes = config.communeChanges ? resolve(configDir, config.communeChanges) : undefined;
  const cache = new BuildCache<PlanarGeography>(settings);
  const contours = fileDigest(resolve(configDir, config.geometry.communes));
  // The national referential's former codes are part of the code digest (its package is locked).
  const key = contours && cache.key([config.geometry, contours, changes ? fileDigest(changes) : "", config.territories.from, territories]);
  const kept = cache.get(key);
  cache.prune();
  if (kept) return kept;
  const geography = loadGeography(config, configDir, territories, renewCode(loadRenewal(config, configDir)));
  cache.put(key, geography!);
  await cache.flush();
  return geography;
}
