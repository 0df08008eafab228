// The fictional census (RP 2021) and civil registration counts of one territory, by INSEE column.
// Every sub-count is carved out of its total, so the file is internally consistent.
import { Counts } from "./counts";
import { Profile, type Mix, type Triple } from "./profile";
import type { Rng } from "./random";

export type Census = Record<string, number>;

const AGE_BANDS = ["0014", "1529", "3044", "4559", "6074", "7589", "90P"] as const;
const AGE_SHARES: Triple[] = [
  [0.125, 0.15, 0.18],
  [0.105, 0.19, 0.125],
  [0.14, 0.165, 0.185],
  [0.215, 0.18, 0.22],
  [0.25, 0.175, 0.19],
  [0.14, 0.11, 0.085],
  [0.025, 0.03, 0.015],
];
const MALE_SHARE = [0.512, 0.51, 0.49, 0.49, 0.48, 0.42, 0.28];
/** Households: one person, couple without child, couple with children, single parent, other. */
const HOUSEHOLDS: Triple[] = [
  [0.32, 0.52, 0.25],
  [0.35, 0.21, 0.32],
  [0.21, 0.15, 0.32],
  [0.075, 0.115, 0.085],
  [0.025, 0.035, 0.025],
];
/** Families with children under 25, by number of them: 1, 2, 3, 4 or more. */
const CHILDREN: Triple[] = [
  [0.44, 0.5, 0.38],
  [0.4, 0.33, 0.45],
  [0.12, 0.12, 0.14],
  [0.04, 0.05, 0.03],
];
/** Principal residences by period of construction: <1919, 1919-45, 1946-70, 1971-90, 1991-2005, 2006-18. */
const PERIODS: Triple[] = [
  [0.36, 0.17, 0.1],
  [0.06, 0.07, 0.03],
  [0.08, 0.22, 0.08],
  [0.2, 0.26, 0.3],
  [0.17, 0.16, 0.27],
  [0.13, 0.12, 0.22],
];
/** Employed people by socio-professional group CS1 (farmers) … CS6 (manual workers). */
const GROUPS: Triple[] = [
  [0.075, 0.005, 0.01],
  [0.085, 0.06, 0.07],
  [0.11, 0.15, 0.2],
  [0.245, 0.27, 0.3],
  [0.28, 0.33, 0.26],
  [0.205, 0.185, 0.16],
];
/** Employees: stable contract, fixed-term, temp agency, subsidised, apprentice/intern. */
const CONTRACTS: Triple[] = [
  [0.85, 0.81, 0.87],
  [0.09, 0.12, 0.08],
  [0.025, 0.025, 0.02],
  [0.01, 0.02, 0.006],
  [0.025, 0.025, 0.024],
];
/** Out-of-school people aged 15+ by highest diploma: none/brevet, CAP-BEP, bac, bac+2, bac+3/4, bac+5. */
const DIPLOMAS: Triple[] = [
  [0.3, 0.27, 0.17],
  [0.31, 0.23, 0.26],
  [0.17, 0.18, 0.18],
  [0.1, 0.11, 0.14],
  [0.08, 0.12, 0.15],
  [0.04, 0.09, 0.1],
];

export interface CensusInput {
  population: number;
  /** km² */
  area: number;
  mix: Mix;
  /** Whole counts (small communes) or fractional weighted ones. */
  whole: boolean;
  /** Absent for reference territories: exact interpolation, no noise. */
  rng?: Rng;
  /** Jobs per employed resident, for references (a whole country is not a commuter belt). */
  jobRatio?: number;
}

export function censusOf({ population: pop, area, mix, whole, rng, jobRatio }: CensusInput): Census {
  const p = new Profile(mix, pop, rng);
  const n = new Counts(whole, rng);
  const c: Census = { P21_POP: pop };

  // Population history and natural balance.
  const growth = p.value([-0.0005, -0.002, 0.01], 0.003 + 0.05 / Math.sqrt(pop));
  const earlierGrowth = growth + p.value([0.0035, 0.0025, 0.004]);
  c.P15_POP = Math.round(pop / (1 + growth) ** 6);
  c.P10_POP = Math.round(c.P15_POP / (1 + earlierGrowth) ** 5);
  c.SUPERF = Math.round(area * 100) / 100;
  const [birthRate, deathRate] = [p.value([7, 10.5, 10]) / 1000, p.value([13.5, 12, 7.5]) / 1000];
  const events = (mean: number) => (rng ? rng.poisson(mean) : Math.round(mean));
  c.NAIS1520 = events(((pop + c.P15_POP) / 2) * birthRate * 6);
  c.DECE1520 = events(((pop + c.P15_POP) / 2) * deathRate * 6);
  c.NAISD21 = events(pop * birthRate);
  c.DECESD21 = events(pop * deathRate);

  // Ages by sex, and the broader age groups INSEE also publishes.
  const bands = n.split(pop, p.weights(AGE_SHARES));
  AGE_BANDS.forEach((band, i) => {
    const [men, women] = n.split(bands[i], [MALE_SHARE[i], 1 - MALE_SHARE[i]]);
    c[`P21_POP${band}`] = bands[i];
    c[`P21_H${band}`] = men;
    c[`P21_F${band}`] = women;
  });
  const [b0014, b1529, b3044, b4559, b6074, b7589, b90p] = bands;
  const p1519 = n.part(b1529, p.rate([0.4, 0.28, 0.38]));
  const p1524 = p1519 + n.part(b1529 - p1519, 0.45);
  const p6064 = n.part(b6074, 0.36);
  c.P21_POP0002 = n.part(b0014, p.rate([0.18, 0.2, 0.19]));
  c.P21_POP0019 = b0014 + p1519;
  c.P21_POP2064 = b1529 - p1519 + b3044 + b4559 + p6064;
  c.P21_POP65P = b6074 - p6064 + b7589 + b90p;
  c.P21_POP75P = b7589 + b90p;
  c.P21_POP80P = n.part(b7589, 0.58) + b90p;
  c.P21_POP80P_PSEUL = n.part(c.P21_POP80P, p.rate([0.4, 0.48, 0.38]));
  c.P21_POP1564 = b1529 + b3044 + b4559 + p6064;

  // Households and families (the complementary exploitation, C21_*).
  c.P21_PMEN = pop - n.part(pop, p.rate([0.012, 0.035, 0.01]));
  c.P21_MEN = Math.min(c.P21_PMEN, Math.max(1, n.level(c.P21_PMEN / p.value([2.12, 1.82, 2.38]))));
  c.C21_MEN = c.P21_MEN;
  const [single, couple, coupleChildren, singleParent, other] = n.split(c.C21_MEN, p.weights(HOUSEHOLDS));
  Object.assign(c, { C21_MENPSEUL: single, C21_MENCOUPSENF: couple, C21_MENCOUPAENF: coupleChildren, C21_MENFAMMONO: singleParent, C21_MENSFAM: other });
  Object.assign(c, { C21_COUPSENF: couple, C21_COUPAENF: coupleChildren, C21_FAMMONO: singleParent, C21_FAM: couple + coupleChildren + singleParent });
  const withYoungChildren = n.part(coupleChildren + singleParent, 0.88);
  const [one, two, three, four] = n.split(withYoungChildren, p.weights(CHILDREN));
  Object.assign(c, { C21_NE24F0: c.C21_FAM - withYoungChildren, C21_NE24F1: one, C21_NE24F2: two, C21_NE24F3: three, C21_NE24F4P: four });

  // Dwellings: principal residences are the households.
  c.P21_RP = c.P21_MEN;
  const [vacancy, secondary] = [p.rate([0.115, 0.12, 0.055]), p.rate([0.1, 0.025, 0.03])];
  c.P21_LOG = Math.max(c.P21_RP, n.level(c.P21_RP / (1 - vacancy - secondary)));
  [c.P21_RSECOCC, c.P21_LOGVAC] = n.split(c.P21_LOG - c.P21_RP, [secondary, vacancy]);
  const [owners, free] = [p.rate([0.76, 0.42, 0.74]), p.rate([0.025, 0.015, 0.012])];
  [c.P21_RP_PROP, c.P21_RP_LOC, c.P21_RP_GRAT] = n.split(c.P21_RP, [owners, 1 - owners - free, free]);
  c.P21_RP_LOCHLMV = n.part(c.P21_RP_LOC, p.rate([0.015, 0.19, 0.06]) / (1 - owners - free));
  const houses = p.rate([0.95, 0.52, 0.9]);
  [c.P21_MAISON, c.P21_APPART] = n.split(c.P21_LOG, [houses, 0.99 - houses, 0.01]);
  c.P21_RP_ACHTOT = n.part(c.P21_RP, 0.975);
  const built = n.split(c.P21_RP_ACHTOT, p.weights(PERIODS));
  ["ACH19", "ACH45", "ACH70", "ACH90", "ACH05", "ACH18"].forEach((period, i) => (c[`P21_RP_${period}`] = built[i]));
  c.P21_RP_VOIT1P = n.part(c.P21_RP, p.rate([0.93, 0.76, 0.95]));
  c.P21_RP_VOIT2P = n.part(c.P21_RP_VOIT1P, p.rate([0.45, 0.29, 0.58]));
  c.P21_RP_VOIT1 = c.P21_RP_VOIT1P - c.P21_RP_VOIT2P;

  // Activity, jobs, diplomas.
  const unemployment = p.rate([0.085, 0.18, 0.075]);
  c.P21_ACT1564 = n.part(c.P21_POP1564, p.rate([0.745, 0.7, 0.785]));
  c.P21_CHOM1564 = n.part(c.P21_ACT1564, unemployment);
  c.P21_ACTOCC1564 = c.P21_ACT1564 - c.P21_CHOM1564;
  c.P21_ACT1524 = Math.min(c.P21_ACT1564, n.part(p1524, p.rate([0.42, 0.36, 0.44])));
  c.P21_CHOM1524 = Math.min(c.P21_CHOM1564, n.part(c.P21_ACT1524, Math.min(0.6, unemployment * 2.1)));
  c.P21_EMPLT = n.level(c.P21_ACTOCC1564 * (jobRatio ?? p.value([0.5, 1.95, 0.55])));
  c.C21_ACTOCC1564 = c.P21_ACTOCC1564;
  n.split(c.C21_ACTOCC1564, p.weights(GROUPS)).forEach((v, i) => (c[`C21_ACTOCC1564_CS${i + 1}`] = v));
  c.P21_SAL15P = n.part(c.P21_ACTOCC1564, p.rate([0.79, 0.91, 0.88]));
  const contracts = n.split(c.P21_SAL15P, p.weights(CONTRACTS));
  ["CDD", "INTERIM", "EMPAID", "APPR"].forEach((kind, i) => (c[`P21_SAL15P_${kind}`] = contracts[i + 1]));
  c.P21_NSCOL15P = n.part(pop - b0014, p.rate([0.93, 0.86, 0.92]));
  const diplomas = n.split(c.P21_NSCOL15P, p.weights(DIPLOMAS));
  ["DIPLMIN", "CAPBEP", "BAC", "SUP2", "SUP34", "SUP5"].forEach((level, i) => (c[`P21_NSCOL15P_${level}`] = diplomas[i]));
  return c;
}
