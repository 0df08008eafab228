// The configurations the benchmark builds, each in its own temporary folder so that nothing in
// the repository is touched: a copy of the demo, and the demo's département written at a larger
// scale. Both read the repository's catalogue and plan (absolute paths), like tests/check.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEMO_SEED, generateDemo } from "../demo/generate";
import { scaledDemo } from "../demo/scale";

const DEMO_DIR = "data/demo";

/** A copy of data/demo; returns its config.yaml. */
export function copyDemo(dir: string): string {
  cpSync(DEMO_DIR, dir, { recursive: true });
  return pointAtCatalogue(dir);
}

/** The demo département at `communes` / `epcis` scale, with the demo's sources, catalogue and plan. */
export async function writeSynthetic(dir: string, communes: number, epcis: number, seed = DEMO_SEED): Promise<string> {
  await generateDemo(dir, seed, scaledDemo(communes, epcis));
  for (const file of ["config.yaml", "sources.yaml"]) cpSync(join(DEMO_DIR, file), join(dir, file));
  return pointAtCatalogue(dir);
}

function pointAtCatalogue(dir: string): string {
  const config = join(dir, "config.yaml");
  const text = readFileSync(config, "utf8")
    .replace("../../indicators", resolve("indicators"))
    .replace("../../portraits/demo.yaml", resolve("portraits/demo.yaml"));
  writeFileSync(config, text);
  return config;
}

/**
 * The file the "one source changes" rebuild edits, and how: a correction of one commune's RSA
 * households, which the portraits publish (part_menages_rsa, commune maps), as a producer sends.
 */
export const CHANGED_FILE = "caf/caf_allocataires_2023.csv";
const CHANGED_COLUMN = "NB_FOY_RSA";

/** Adds 5 (the CAF rounds to 5) to NB_FOY_RSA of the first commune with at least 20 of them. */
export function changeOneSource(dir: string): void {
  const path = join(dir, CHANGED_FILE);
  const lines = readFileSync(path, "utf8").split("\n");
  const header = lines[0].split(";");
  const [column, level] = [header.indexOf(CHANGED_COLUMN), header.indexOf("Niveau_geo")];
  const row = lines.findIndex((line, i) => i > 0 && line.split(";")[level] === "COMMUNE" && Number(line.split(";")[column]) >= 20);
  if (column < 0 || row < 0) throw new Error(`${CHANGED_FILE} : pas de colonne ${CHANGED_COLUMN} modifiable`);
  const cells = lines[row].split(";");
  cells[column] = String(Number(cells[column]) + 5);
  lines[row] = cells.join(";");
  writeFileSync(path, lines.join("\n"));
}
