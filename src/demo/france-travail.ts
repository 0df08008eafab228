// France Travail-shaped file of job seekers (categories A, B, C, end of 2023) by commune, with the
// two title lines such extracts carry above the header. Communes only: no reference rows.
import { Counts } from "./counts";
import type { Dataset } from "./dataset";
import { Profile, mixOf } from "./profile";
import { stream } from "./random";
import { csv, type FileWriter, type Line } from "./write";

const FILE = "france-travail/defm_abc_2023T4.csv";
const HEADER = [
  "Code commune", "Libellé commune", "DEFM ABC", "DEFM ABC moins de 25 ans", "DEFM ABC 50 ans ou plus",
  "DEFM ABC femmes", "DEFM ABC inscrits depuis un an ou plus",
];

export function writeFranceTravail({ seed, territory, census }: Dataset, out: FileWriter): void {
  const rng = stream(seed, "france-travail");
  const n = new Counts(true, rng);
  const rows = territory.communes.map((c): Line => {
    const p = new Profile(mixOf(c), c.population, rng);
    const seekers = n.part(census.get(c.code)!.P21_POP1564, p.rate([0.078, 0.135, 0.068]));
    const young = n.part(seekers, p.rate([0.13, 0.15, 0.14]));
    const senior = n.part(seekers - young, p.rate([0.34, 0.26, 0.3]));
    return [c.code, c.name, seekers, young, senior, n.part(seekers, 0.52), n.part(seekers, p.rate([0.47, 0.5, 0.42]))];
  });
  const lines: Line[] = [
    ["Demandeurs d'emploi inscrits à France Travail en catégories A, B, C au 4e trimestre 2023 (données fictives)"],
    ["Source : France Travail - Dares, STMT (fictif) ; données brutes"],
    HEADER,
    ...rows,
  ];
  out.text(FILE, csv(lines));
}
