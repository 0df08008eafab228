// Referential from @etalab/decoupage-administratif (current COG, EPCI membership, populations).
import { createRequire } from "node:module";
import { byCode, normalizeNature } from "./codes";
import type { Commune, Epci, LoadedTerritories } from "./types";

export type EpciRule = "majority-population" | "any-commune";

export interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  zone?: string;
  population?: number;
  /** Codes the commune had before (merged or renumbered communes), for a current commune. */
  anciensCodes?: string[];
  /** A commune déléguée's or associée's current commune. */
  chefLieu?: string;
  /** A municipal arrondissement's commune (Paris, Lyon, Marseille). */
  commune?: string;
}
interface RawEpci {
  code: string;
  nom: string;
  type: string;
  membres: { code: string }[];
}
interface RawArea {
  code: string;
  nom: string;
  region?: string;
}

const require = createRequire(import.meta.url);
const pkg = "@etalab/decoupage-administratif";

let cache: { all: RawCommune[]; communes: RawCommune[]; epcis: RawEpci[]; departements: RawArea[]; regions: RawArea[]; version: string } | undefined;

/** The package's JSON is ~15 MB: read it once per process. `all` has every kind of commune, `communes` the current ones. */
export function decoupageData() {
  const all = cache ? cache.all : (require(`${pkg}/data/communes.json`) as RawCommune[]);
  cache ??= {
    all,
    communes: all.filter((c) => c.type === "commune-actuelle"),
    epcis: require(`${pkg}/data/epci.json`),
    departements: require(`${pkg}/data/departements.json`),
    regions: require(`${pkg}/data/regions.json`),
    version: require(`${pkg}/package.json`).version,
  };
  return cache;
}

/**
 * The département's communes and EPCIs. The package has no EPCI seat, so `rule` decides which EPCIs
 * are portrayed: "majority-population" keeps those with more than half of their population municipale
 * in the département, "any-commune" every EPCI with at least one commune there.
 * A straddling EPCI keeps only its communes inside the département in `communes`: portraits describe
 * the département's part (the only one its data covers); `wholePopulation` tells the whole EPCI's size.
 */
export function fromDecoupage(departement: string, rule: EpciRule): LoadedTerritories {
  const { communes, epcis, departements, regions, version } = decoupageData();
  const dep = departements.find((d) => d.code === departement);
  if (!dep) throw new Error(`Département « ${departement} » inconnu du découpage administratif ${version}`);
  const region = regions.find((r) => r.code === dep.region);

  const population = new Map(communes.map((c) => [c.code, c.population ?? 0]));
  const epciOf = new Map<string, RawEpci>();
  for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e);

  const warnings: string[] = [];
  const inside = communes.filter((c) => c.departement === departement);
  const kept: Commune[] = [];
  for (const c of inside) {
    const epci = epciOf.get(c.code);
    // A few island communes (Île-de-Bréhat, Ouessant…) belong to no EPCI: no portrait can show them.
    if (!epci) warnings.push(`La commune ${c.code} ${c.nom} n'appartient à aucun EPCI : elle est laissée de côté.`);
    else kept.push({ code: c.code, name: c.nom, epci: epci.code, population: c.population ?? 0 });
  }

  const insideCodes = new Set(kept.map((c) => c.code));
  const sum = (codes: string[]) => codes.reduce((s, code) => s + (population.get(code) ?? 0), 0);
  const portrayed: Epci[] = [];
  for (const e of epcis) {
    const members = e.membres.map((m) => m.code);
    const here = members.filter((code) => insideCodes.has(code)).sort();
    if (here.length === 0) continue;
    const whole = sum(members);
    if (rule === "majority-population" && sum(here) * 2 <= whole) {
      warnings.push(
        `L'EPCI ${e.code} ${e.nom} compte ${here.length} commune(s) dans le département mais moins de la moitié de sa population : pas de portrait (règle majority-population).`,
      );
      continue;
    }
    if (here.length < members.length)
      warnings.push(`L'EPCI ${e.code} ${e.nom} déborde du département : son portrait ne décrit que ses ${here.length} commune(s) sur ${members.length}.`);
    portrayed.push({ code: e.code, name: e.nom, nature: normalizeNature(e.type) ?? e.type, communes: here, wholePopulation: whole });
  }

  return {
    territories: {
      cogVintage: `${pkg} ${version}`,
      departement: { code: dep.code, name: dep.nom },
      region: { code: region?.code ?? dep.region ?? "", name: region?.nom ?? "" },
      communes: kept.sort(byCode),
      epcis: portrayed.sort(byCode),
    },
    warnings,
  };
}
