// CAF-shaped file of allocataires (December 2023): counts rounded to 5 and 1 to 4 blurred as "s"
// (the CAF's floutage), placeholder rows 99999 / XXXXX that belong to no commune, and the CAF's
// own département, région and France totals (the département's includes the placeholders).
import type { Census } from "./census";
import { Counts } from "./counts";
import type { Dataset } from "./dataset";
import { Profile, mixOf } from "./profile";
import { stream } from "./random";
import { csv, type FileWriter, type Line } from "./write";

const FILE = "caf/caf_allocataires_2023.csv";
const COLUMNS = [
  "NB_ALLOC", "NB_PERS_COUV", "NB_FOY_RSA", "NB_FOY_PPA", "NB_FOY_AL", "NB_FOY_AAH", "NB_FOY_AF",
  "NB_FOY_PAJE", "NB_PERS_BAS_REVENUS", "NB_ALLOC_DEP50", "NB_ALLOC_DEP100", "NB_ENF_AEEH",
] as const;
type CafCounts = Record<(typeof COLUMNS)[number], number>;
const LEVELS = { commune: "COMMUNE", departement: "DEPARTEMENT", region: "REGION", france: "FRANCE" } as const;
const DATE = "31/12/2023";

function cafOf(rp: Census, p: Profile, n: Counts): CafCounts {
  const alloc = n.part(rp.P21_MEN, p.rate([0.36, 0.5, 0.42]));
  const covered = Math.max(alloc, n.level(alloc * p.value([2.3, 1.95, 2.65])));
  const dependent = n.part(alloc, p.rate([0.24, 0.33, 0.15]));
  return {
    NB_ALLOC: alloc,
    NB_PERS_COUV: covered,
    NB_FOY_RSA: n.part(alloc, p.rate([0.075, 0.14, 0.045])),
    NB_FOY_PPA: n.part(alloc, p.rate([0.2, 0.22, 0.17])),
    NB_FOY_AL: n.part(alloc, p.rate([0.25, 0.45, 0.18])),
    NB_FOY_AAH: n.part(alloc, p.rate([0.09, 0.09, 0.05])),
    NB_FOY_AF: n.part(alloc, p.rate([0.27, 0.2, 0.38])),
    NB_FOY_PAJE: Math.min(alloc, n.part(rp.P21_POP0002, p.rate([0.75, 0.8, 0.82]))),
    NB_PERS_BAS_REVENUS: n.part(covered, p.rate([0.3, 0.42, 0.18])),
    NB_ALLOC_DEP50: dependent,
    NB_ALLOC_DEP100: n.part(dependent, 0.5),
    NB_ENF_AEEH: n.part(rp.P21_POP0019, 0.011),
  };
}

export function writeCaf({ seed, territory, census, references }: Dataset, out: FileWriter): void {
  const rng = stream(seed, "caf");
  const whole = new Counts(true, rng);
  const communes = territory.communes.map((c) => ({ c, caf: cafOf(census.get(c.code)!, new Profile(mixOf(c), c.population, rng), whole) }));
  const placeholders: [string, string, CafCounts][] = [
    ["99999", "Allocataires hors territoire de la Caf", placeholder(rng.int(12, 25))],
    ["XXXXX", "Commune inconnue", placeholder(rng.int(3, 8))],
  ];
  const departement = counts((column) => [...communes.map((x) => x.caf), ...placeholders.map((p) => p[2])].reduce((sum, k) => sum + k[column], 0));
  const referenceRows = references.map((r): Line => {
    const values = r.level === "departement" ? departement : rounded(cafOf(r.census, new Profile(r.mix, r.census.P21_POP), new Counts(false)));
    return [DATE, LEVELS[r.level], r.code, r.name, ...COLUMNS.map((k) => blur(values[k]))];
  });
  const lines: Line[] = [
    ["Date_ref", "Niveau_geo", "Code_geo", "Libelle_geo", ...COLUMNS],
    ...communes.map(({ c, caf }) => [DATE, LEVELS.commune, c.code, c.name, ...COLUMNS.map((k) => blur(caf[k]))]),
    ...placeholders.map(([code, name, caf]): Line => [DATE, LEVELS.commune, code, name, ...COLUMNS.map((k) => blur(caf[k]))]),
    ...referenceRows,
  ];
  out.text(FILE, csv(lines));
}

function counts(value: (column: (typeof COLUMNS)[number]) => number): CafCounts {
  return Object.fromEntries(COLUMNS.map((k) => [k, value(k)])) as CafCounts;
}

/** A few foyers with no known commune: mostly housing and minimum-income benefits. */
function placeholder(alloc: number): CafCounts {
  const shares: Partial<CafCounts> = { NB_ALLOC: 1, NB_PERS_COUV: 1.8, NB_FOY_AL: 0.4, NB_FOY_RSA: 0.2, NB_FOY_PPA: 0.2, NB_PERS_BAS_REVENUS: 0.9 };
  return counts((k) => Math.round(alloc * (shares[k] ?? 0)));
}

function rounded(values: CafCounts): CafCounts {
  return counts((k) => Math.round(values[k]));
}

/** The CAF's floutage: 1 to 4 becomes "s", everything else is rounded to the nearest 5. */
function blur(value: number): string {
  if (value > 0 && value < 5) return "s";
  return String(Math.round(value / 5) * 5);
}
