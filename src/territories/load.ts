// Entry point of the territories stage: the declared referential, plus the declared groups.
import { resolve } from "node:path";
import type { Config } from "../declare/schemas";
import { fromDecoupage } from "./decoupage";
import { fromFiles } from "./files";
import { withGroups } from "./groups";
import { loadRenewal, renewCode } from "./renewal";
import type { LoadedTerritories } from "./types";

/** Paths in the configuration are relative to its folder (`configDir`). */
export function loadTerritories(config: Config, configDir: string): LoadedTerritories {
  const t = config.territories;
  const loaded =
    t.from === "decoupage-administratif"
      ? fromDecoupage(config.departement, t.epciRule)
      : fromFiles({ ...t, communes: resolve(configDir, t.communes), epcis: resolve(configDir, t.epcis), fictional: config.fictional });
  if (loaded.territories.departement.code !== config.departement)
    throw new Error(
      `Le référentiel décrit le département ${loaded.territories.departement.code}, la configuration le ${config.departement}`,
    );
  if (!config.groups) return loaded;
  const renew = renewCode(loadRenewal(config, configDir));
  return { ...loaded, territories: withGroups(loaded.territories, config.groups.name, resolve(configDir, config.groups.file), renew) };
}
