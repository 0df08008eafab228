// Filosofi-shaped income file (revenus 2020) in Latin-1, as INSEE's older files come: medians
// and rates are not additive, so the EPCI, département, région and France rows are published
// values, never secret; commune rows are secret below INSEE's thresholds.
import type { Dataset } from "./dataset";
import { NIVGEO } from "./insee-rp";
import { Profile, mixOf } from "./profile";
import { stream } from "./random";
import { csv, fixed, type FileWriter, type Line } from "./write";

const FILE = "insee/filosofi_2020.csv";
/** Below this many fiscal households nothing is published; below the second, only the median. */
const SECRET_BELOW = 50;
const DETAIL_FROM = 1000;

interface Income {
  households: number;
  persons: number;
  median: number;
  poverty: number;
  taxed: number;
  activity: number;
  pensions: number;
  benefits: number;
  d1: number;
  d9: number;
}

const REFERENCE_INCOME: Record<"region" | "france", Omit<Income, "households" | "persons">> = {
  region: { median: 21480, poverty: 16.8, taxed: 49.1, activity: 67.2, pensions: 30.6, benefits: 6.3, d1: 11140, d9: 38920 },
  france: { median: 22400, poverty: 14.6, taxed: 52.3, activity: 70.9, pensions: 27.4, benefits: 5.5, d1: 11680, d9: 40260 },
};

export function writeFilosofi({ seed, territory, census, references }: Dataset, out: FileWriter): void {
  const rng = stream(seed, "filosofi");
  const incomes = new Map(
    territory.communes.map((c) => {
      const rp = census.get(c.code)!;
      const p = new Profile(mixOf(c), c.population, rng);
      const median = p.value([20300, 18900, 22300], 800);
      const richer = (median - p.value([20300, 18900, 22300])) / 1000;
      const income: Income = {
        households: Math.round(rp.P21_MEN * 0.985),
        persons: Math.round(rp.P21_PMEN * 0.99),
        median,
        poverty: Math.max(3, p.value([12.8, 24, 8.5], 1) - 1.3 * richer),
        taxed: p.value([41, 44, 56], 2) + 2.5 * richer,
        activity: p.value([57, 63, 74], 2),
        pensions: p.value([37, 31, 24], 2),
        benefits: Math.max(1, p.value([5.4, 8.6, 3.8], 0.5) - 0.4 * richer),
        d1: median * p.value([0.545, 0.47, 0.58]),
        d9: median * p.value([1.74, 1.86, 1.78]),
      };
      return [c.code, income];
    }),
  );
  const departement = references.find((r) => r.level === "departement")!;
  const lines: Line[] = [
    ["CODGEO", "LIBGEO", "NIVGEO", "NBMENFISC20", "NBPERSMENFISC20", "MED20", "PIMP20", "TP6020", "PACT20", "PPEN20", "PPSOC20", "D120", "D920", "RD20"],
    ...territory.communes.map((c) => row(c.code, c.name, NIVGEO.commune, incomes.get(c.code)!, true)),
    ...territory.epcis.map((e) => row(e.code, e.name, NIVGEO.epci, pooled(e.communes.map((c) => incomes.get(c.code)!)), false)),
    row(departement.code, departement.name, NIVGEO.departement, pooled([...incomes.values()]), false),
    ...references
      .filter((r) => r.level !== "departement")
      .map((r) => {
        const income = { households: Math.round(r.census.P21_MEN * 0.985), persons: Math.round(r.census.P21_PMEN * 0.99), ...REFERENCE_INCOME[r.level as "region" | "france"] };
        return row(r.code, r.name, NIVGEO[r.level], income, false);
      }),
  ];
  out.text(FILE, csv(lines), { encoding: "latin1" });
}

/** The income of a group of communes, as INSEE would compute it from the pooled fiscal data. */
function pooled(incomes: Income[]): Income {
  const persons = incomes.reduce((sum, i) => sum + i.persons, 0);
  const households = incomes.reduce((sum, i) => sum + i.households, 0);
  const mean = (key: keyof Income, weight: "persons" | "households" = "persons") =>
    incomes.reduce((sum, i) => sum + i[key] * i[weight], 0) / (weight === "persons" ? persons : households);
  return {
    households,
    persons,
    median: mean("median"),
    poverty: mean("poverty"),
    taxed: mean("taxed", "households"),
    activity: mean("activity"),
    pensions: mean("pensions"),
    benefits: mean("benefits"),
    d1: mean("d1"),
    d9: mean("d9"),
  };
}

function row(code: string, name: string, level: string, i: Income, isCommune: boolean): Line {
  const euros = (v: number) => String(Math.round(v / 10) * 10);
  const [d1, d9] = [Math.round(i.d1 / 10) * 10, Math.round(i.d9 / 10) * 10];
  const counts = [String(i.households), String(i.persons), euros(i.median)];
  const details = [fixed(i.taxed, 1), fixed(i.poverty, 1), fixed(i.activity, 1), fixed(i.pensions, 1), fixed(i.benefits, 1), String(d1), String(d9), fixed(d9 / d1, 1)];
  const hidden = (values: string[]) => values.map(() => "s");
  if (isCommune && i.households < SECRET_BELOW) return [code, name, level, ...hidden(counts), ...hidden(details)];
  if (isCommune && i.households < DETAIL_FROM) return [code, name, level, ...counts, ...hidden(details)];
  return [code, name, level, ...counts, ...details];
}
