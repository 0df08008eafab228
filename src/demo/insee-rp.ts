// INSEE-shaped census file: one row per commune plus the département, région and France, told
// apart by NIVGEO; UTF-8 with BOM, decimal commas, weighted counts with all their decimals.
import type { Dataset } from "./dataset";
import { csv, weighted, type FileWriter, type Line } from "./write";

const FILE = "insee/base_cc_rp_2021.csv";
export const NIVGEO = { commune: "COM", epci: "EPCI", departement: "DEP", region: "REG", france: "FRANCE" } as const;

export function writeInseeRp({ territory, census, references }: Dataset, out: FileWriter): void {
  const columns = Object.keys(census.values().next().value!);
  const row = (code: string, name: string, level: string, values: Record<string, number>): Line => [
    code,
    name,
    level,
    ...columns.map((column) => weighted(values[column])),
  ];
  const lines: Line[] = [
    ["CODGEO", "LIBGEO", "NIVGEO", ...columns],
    ...territory.communes.map((c) => row(c.code, c.name, NIVGEO.commune, census.get(c.code)!)),
    ...references.map((r) => row(r.code, r.name, NIVGEO[r.level], r.census)),
  ];
  out.text(FILE, csv(lines), { bom: true });
}
