// The national commune referential, from @etalab/decoupage-administratif: every current commune
// of France with its région and zone, and every older code a producer file may still carry
// (communes déléguées or associées, merged or renumbered communes, municipal arrondissements).
// It lets a national file feed the région and France, and files of an older geography be read
// without a hand-written correspondence.
import { decoupageData } from "./decoupage";

export interface CommunePlace {
  region: string;
  departement: string;
  /** "metro", "drom" (or "com" for the collectivités d'outre-mer, outside the census' France). */
  zone: string;
}

export interface CommuneReferential {
  /** The referential's name and version, for messages and cache keys. */
  vintage: string;
  /** Current communes by code. */
  communes: Map<string, CommunePlace>;
  /** Former code → the current commune it is part of now. */
  former: Map<string, string>;
  /** Municipal arrondissement → its commune (75101 → 75056, 69381 → 69123, 13201 → 13055). */
  arrondissements: Map<string, string>;
}

let built: CommuneReferential | undefined;

/** Built once per process (the package's 37,000 entries). */
export function communeReferential(): CommuneReferential {
  if (built) return built;
  const { all, communes: current, version } = decoupageData();
  const communes = new Map(current.map((c): [string, CommunePlace] => [c.code, { region: c.region ?? "", departement: c.departement ?? "", zone: c.zone ?? "" }]));
  const former = new Map<string, string>();
  // A current commune's own list of its former codes is the most direct statement: taken first.
  for (const c of current) for (const old of c.anciensCodes ?? []) if (!communes.has(old)) former.set(old, c.code);
  for (const c of all)
    if ((c.type === "commune-deleguee" || c.type === "commune-associee") && c.chefLieu && !communes.has(c.code) && !former.has(c.code))
      former.set(c.code, c.chefLieu);
  // A chef-lieu that is itself a former code (successive mergers) leads to the current commune.
  for (const [old, to] of former) {
    let next = to;
    for (let i = 0; former.has(next) && i < 10; i++) next = former.get(next)!;
    former.set(old, next);
  }
  const arrondissements = new Map(all.filter((c) => c.type === "arrondissement-municipal" && c.commune).map((c) => [c.code, c.commune!]));
  built = { vintage: `@etalab/decoupage-administratif ${version}`, communes, former, arrondissements };
  return built;
}
