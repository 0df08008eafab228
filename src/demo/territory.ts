// The fictional département: communes grouped into contiguous EPCIs of contrasted kinds, their
// names, codes and populations, the Maisons des solidarités and the CTG signatures.
import { geoArea } from "d3-geo";
import { toLonLat, type Point, type Tessellation } from "./geometry";
import { NameFactory, VOWEL, type Feature } from "./names";
import type { Rng } from "./random";
import type { DemoScale } from "./scale";
import { MinQueue, nearestFinder } from "./search";

export type EpciKind = "urban" | "mid" | "rural";
/** town: the préfecture; suburb: around it; bourg: the centre of a CC; village: the rest. */
export type Role = "town" | "suburb" | "bourg" | "village";

export interface DemoCommune {
  code: string;
  name: string;
  epci: string;
  population: number;
  /** km², from the written (rounded) geometry. */
  area: number;
  role: Role;
  kind: EpciKind;
  /** Lon/lat ring, counter-clockwise (RFC 7946). */
  ring: Point[];
}

export interface DemoEpci {
  code: string;
  name: string;
  nature: "CA" | "CC";
  kind: EpciKind;
  communes: DemoCommune[];
}

export interface DemoTerritory {
  departement: { code: string; name: string };
  region: { code: string; name: string };
  communes: DemoCommune[];
  epcis: DemoEpci[];
  groups: { code: string; name: string; epcis: DemoEpci[] }[];
  agreements: { epci: DemoEpci; date?: string }[];
}

const DEPARTEMENT = { code: "00", name: "Val-Fictif" };
const REGION = { code: "00", name: "Région fictive" };
const TOWN = "Montfictif";
/** Hand-picked names that exercise apostrophes, accents and length. */
const SPECIAL_BOURG = "L'Isle-en-Fictivès";
const LONG_NAME = "Saint-Barthélemy-de-la-Cazère-et-des-Bois-Fictifs";
const EARTH_RADIUS_KM = 6371.0088;

interface Draft {
  cell: number;
  epci: number;
  role: Role;
  population: number;
}

export function buildTerritory(tessellation: Tessellation, rng: Rng, scale: DemoScale): DemoTerritory {
  const { cells, neighbours } = tessellation;
  const seeds = placeSeeds(tessellation, scale.epcis, rng);
  const epciOf = growRegions(tessellation, seeds, rng);
  const members = seeds.map((_, k) => cells.map((_, i) => i).filter((i) => epciOf[i] === k));
  const kinds: EpciKind[] = seeds.map(() => "rural");
  kinds[0] = "urban"; // the first seed is the centre, where the préfecture stands
  for (const k of rng.shuffle(seeds.slice(1).map((_, k) => k + 1)).slice(0, scale.mids)) kinds[k] = "mid";

  const drafts: Draft[] = cells.map((_, cell) => ({ cell, epci: epciOf[cell], role: "village", population: 0 }));
  seeds.forEach((seed, k) => (drafts[seed].role = kinds[k] === "urban" ? "town" : "bourg"));
  for (const n of neighbours[seeds[0]]) if (epciOf[n] === 0) drafts[n].role = "suburb";
  populate(drafts, kinds, neighbours, seeds, rng);

  const names = new NameFactory(rng);
  const communeNames = nameCommunes(drafts, kinds, members, seeds, names, rng);
  const communes = drafts.map((d): DemoCommune => {
    const ring = toLonLat(cells[d.cell].ring);
    // d3-geo wants clockwise exterior rings: reverse the RFC 7946 ring to measure it.
    const area = geoArea({ type: "Polygon", coordinates: [[...ring].reverse()] }) * EARTH_RADIUS_KM ** 2;
    return { code: "", name: communeNames[d.cell], epci: "", population: d.population, area, role: d.role, kind: kinds[d.epci], ring };
  });
  // INSEE numbers communes in alphabetical order within the département: 00001…00999 (beyond,
  // at the benchmark's national scale, codes leave the "00" prefix).
  [...communes].sort((a, b) => collate(a.name, b.name)).forEach((c, i) => (c.code = String(i + 1).padStart(5, "0")));

  const epciName = epciNamer(names, rng);
  const epcis = seeds.map((seed, k): DemoEpci => ({
    code: "",
    name: epciName(kinds[k], communeNames[seed]),
    nature: kinds[k] === "urban" ? "CA" : "CC",
    kind: kinds[k],
    communes: members[k].map((i) => communes[i]).sort(byCode),
  }));
  // Fictional SIRENs: real ones never start with 000.
  [...epcis].sort((a, b) => collate(a.name, b.name)).forEach((e, i) => (e.code = String(200_000 + i + 1).padStart(9, "0")));
  for (const e of epcis) for (const c of e.communes) c.epci = e.code;

  const sortedEpcis = [...epcis].sort(byCode);
  return {
    departement: DEPARTEMENT,
    region: REGION,
    communes: [...communes].sort(byCode),
    epcis: sortedEpcis,
    groups: makeGroups(epcis, seeds.map((s) => cells[s].site), scale.groups),
    agreements: signAgreements(sortedEpcis, rng),
  };
}

/** Seeds spread evenly (a few k-means rounds), the first one pinned at the centre. */
function placeSeeds({ cells }: Tessellation, count: number, rng: Rng): number[] {
  const sites = cells.map((c) => c.site);
  const nearestCell = nearestFinder(sites);
  let seeds = [0, ...rng.shuffle(sites.map((_, i) => i).slice(1)).slice(0, count - 1)];
  for (let round = 0; round < 8; round++) {
    const sums = seeds.map(() => ({ x: 0, y: 0, n: 0 }));
    const nearestSeed = nearestFinder(seeds.map((seed) => sites[seed]));
    for (const s of sites) {
      const k = nearestSeed(s);
      sums[k].x += s[0];
      sums[k].y += s[1];
      sums[k].n++;
    }
    seeds = seeds.map((seed, k) => (k === 0 || sums[k].n === 0 ? seed : nearestCell([sums[k].x / sums[k].n, sums[k].y / sums[k].n])));
  }
  return seeds;
}

/**
 * Multiplicatively weighted Dijkstra along shared borders: contiguous regions of uneven size.
 * Cells are settled by lowest cost, then lowest index, whatever the number of cells.
 */
function growRegions({ cells, neighbours }: Tessellation, seeds: number[], rng: Rng): number[] {
  const weights = seeds.map((_, k) => (k === 0 ? 1 : rng.uniform(0.72, 1.3)));
  const cost = cells.map(() => Infinity);
  const owner = cells.map(() => -1);
  const done = cells.map(() => false);
  const queue = new MinQueue();
  seeds.forEach((s, k) => ((cost[s] = 0), (owner[s] = k), queue.push(0, s)));
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    if (done[next]) continue; // a stale entry: the cell was settled at a lower cost
    done[next] = true;
    for (const n of neighbours[next]) {
      const candidate = cost[next] + dist(cells[next].site, cells[n].site) / weights[owner[next]];
      if (!done[n] && candidate < cost[n]) ((cost[n] = candidate), (owner[n] = owner[next]), queue.push(candidate, n));
    }
  }
  return owner;
}

/**
 * Populations shaped like a rural département of ~190,000 inhabitants: a préfecture of ~25,000
 * with its suburbs, three CCs around a small town, and rural CCs where most communes have
 * fewer than 500 inhabitants (and many fewer than 100).
 */
function populate(drafts: Draft[], kinds: EpciKind[], neighbours: number[][], seeds: number[], rng: Rng): void {
  const nextTo = (d: Draft, role: Role) => neighbours[d.cell].some((n) => drafts[n].role === role);
  /** Median size of a village, by the kind of its EPCI and how close it lies to the centre. */
  const villageMedian = (d: Draft): number => {
    const kind = kinds[d.epci];
    if (kind === "urban") return nextTo(d, "suburb") ? 1300 : 520;
    const nearBourg = neighbours[d.cell].includes(seeds[d.epci]);
    if (kind === "mid") return nearBourg ? 600 : 240;
    return nearBourg ? 190 : 112;
  };
  for (const d of drafts) {
    const kind = kinds[d.epci];
    if (d.role === "town") d.population = rng.int(24200, 25600);
    else if (d.role === "bourg") d.population = kind === "mid" ? rng.int(5200, 8600) : rng.int(1050, 2900);
    else if (d.role === "suburb") d.population = Math.round(3200 * rng.factor(0.4));
    else d.population = Math.max(14, Math.round(villageMedian(d) * rng.factor(0.72)));
  }
}

function nameCommunes(drafts: Draft[], kinds: EpciKind[], members: number[][], seeds: number[], names: NameFactory, rng: Rng): string[] {
  const result: string[] = drafts.map(() => "");
  result[seeds[0]] = names.reserve(TOWN);
  const midSeeds = seeds.filter((_, k) => kinds[k] === "mid");
  result[midSeeds[0]] = names.reserve(SPECIAL_BOURG);
  const ruralVillages = drafts.filter((d) => kinds[d.epci] === "rural" && d.role === "village");
  result[rng.pick(ruralVillages).cell] = names.reserve(LONG_NAME);
  for (const cellsOfEpci of members) {
    const features = [names.feature(), names.feature()];
    for (const cell of cellsOfEpci) if (!result[cell]) result[cell] = names.commune(features[cell % 2]);
  }
  return result;
}

/** "de Braserès", "d'Ornabine": French elides "de" before a vowel. */
const of = (name: string) => (VOWEL.test(name) ? `d'${name}` : `de ${name}`);

const CC_PATTERNS: ((bourg: string, feature: Feature, root: string) => string)[] = [
  (bourg) => `CC du Pays ${of(bourg)}`,
  (_, f) => `CC des Coteaux ${f.of}`,
  (_, f) => `CC Val ${of(f.name)}`,
  (_, __, root) => `CC des Bastides ${of(root)}`,
  (_, f) => `CC des Vallons ${f.of}`,
  (_, f) => `CC du Haut-${f.name}`,
  (bourg) => `CC ${of(bourg)}`,
  (_, __, root) => `CC des Terres ${of(root)}`,
];

/** CC names cycle through the patterns in a shuffled order, so that no pattern dominates. */
function epciNamer(names: NameFactory, rng: Rng): (kind: EpciKind, bourg: string) => string {
  const patterns = rng.shuffle(CC_PATTERNS);
  let next = 0;
  return (kind, bourg) => {
    if (kind === "urban") return names.reserve(`CA du Grand ${bourg}`);
    for (;;) {
      const name = patterns[next++ % patterns.length](bourg, names.feature(), names.root());
      if (names.isFree(name)) return names.reserve(name);
    }
  };
}

/** Maisons des solidarités: CCs in angular sectors around the centre; the CA joins the smallest. */
function makeGroups(epcis: DemoEpci[], seedSites: Point[], count: number): DemoTerritory["groups"] {
  const rural = epcis
    .map((e, k) => ({ e, angle: Math.atan2(seedSites[k][1], seedSites[k][0]) }))
    .filter(({ e }) => e.kind !== "urban")
    .sort((a, b) => a.angle - b.angle)
    .map(({ e }) => e);
  // Sectors of equal size, the larger ones first (14 CCs in 4 groups: 4, 4, 3, 3).
  const sizes = Array.from({ length: count }, (_, g) => Math.floor(rural.length / count) + (g < rural.length % count ? 1 : 0));
  const groups = sizes.map((size, g) => rural.slice(sizes.slice(0, g).reduce((a, b) => a + b, 0), sizes.slice(0, g + 1).reduce((a, b) => a + b, 0)));
  const population = (group: DemoEpci[]) => group.reduce((sum, e) => sum + e.communes.reduce((s, c) => s + c.population, 0), 0);
  const smallest = groups.reduce((best, g, i) => (population(g) < population(groups[best]) ? i : best), 0);
  groups[smallest].push(epcis.find((e) => e.kind === "urban")!);
  return groups.map((group, i) => {
    const largest = group.flatMap((e) => e.communes).reduce((a, b) => (b.population > a.population ? b : a));
    return { code: `MDS${String(i + 1).padStart(2, "0")}`, name: `Maison des solidarités de ${largest.name}`, epcis: group.sort(byCode) };
  });
}

/** Every EPCI has signed its Convention territoriale globale, except one rural CC. */
function signAgreements(epcis: DemoEpci[], rng: Rng): DemoTerritory["agreements"] {
  const unsigned = rng.pick(epcis.filter((e) => e.kind === "rural"));
  return epcis.map((epci) => {
    if (epci === unsigned) return { epci };
    const [year, month, day] = [rng.int(2021, 2023), rng.int(1, 12), rng.int(1, 28)];
    return { epci, date: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
  });
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function dist(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** Alphabetical order ignoring accents and case, independent of the machine's locale data. */
function collate(a: string, b: string): number {
  const key = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
