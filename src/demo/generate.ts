// DONNÉES FICTIVES. Generates the demonstration département "Val-Fictif" (code 00): a made-up
// territory of ~450 communes and 15 EPCIs, and producer files shaped like the real ones (INSEE
// census and Filosofi, CAF, France Travail, the département's XLSX). No value describes a real
// place or person. Deterministic: the same seed writes the same bytes.
//
//   npx tsx src/demo/generate.ts [output folder, default data/demo]
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { commandLine } from "../cli/args";
import { writeCaf } from "./caf";
import { buildDataset } from "./dataset";
import { writeFilosofi } from "./filosofi";
import { writeFranceTravail } from "./france-travail";
import { writeInseeRp } from "./insee-rp";
import { writePartner } from "./partner";
import { writeReferential } from "./referential";
import { DEMO_SCALE, type DemoScale } from "./scale";
import { fileWriter } from "./write";

export const DEMO_SEED = 1789;

/** Writes every demo file under `outDir` (at `scale`: the benchmark enlarges it); returns their paths relative to it. */
export async function generateDemo(outDir: string, seed = DEMO_SEED, scale: DemoScale = DEMO_SCALE): Promise<string[]> {
  const dataset = buildDataset(seed, scale);
  const out = fileWriter(outDir);
  writeReferential(dataset.territory, out);
  writeInseeRp(dataset, out);
  writeFilosofi(dataset, out);
  writeCaf(dataset, out);
  writeFranceTravail(dataset, out);
  await writePartner(dataset, out);
  return out.written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = commandLine({
    command: "npm run demo:generate --",
    summary: "Régénère les fichiers fictifs de la démo (graine fixe : mêmes octets à chaque fois).",
    options: { out: { type: "string", default: "data/demo", value: "dossier", description: "où écrire le département fictif" } },
  });
  const outDir = args.out;
  const written = await generateDemo(outDir);
  console.log(`Département fictif écrit dans ${outDir} :\n${written.map((f) => `  ${f}`).join("\n")}`);
}
