// `npm run bench [-- --quick] [--read-only] [--passes 2] [--json <file>] [--budget <minutes>] [--cpu-prof] [--keep]`
// Builds the demo and a national-scale fictional "département" (35,000 communes, 1,255 EPCIs,
// the demo's sources, catalogue and plan) with the real build command, then reads a synthetic
// dossier complet (35,000 × 1,925 columns), and reports each figure beside its target. It never
// fails on a target: it measures. --quick builds 5,000 communes / 200 EPCIs instead and
// extrapolates the France times (labelled as such); --read-only measures only the read.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { commandLine, positiveInteger, positiveNumber } from "../cli/args";
import { changeOneSource, copyDemo, writeSynthetic, CHANGED_FILE } from "./datasets";
import { measureRead, writeDossierComplet } from "./dossier";
import { measureDataset } from "./measure";
import { profileLines } from "./profile";
import { integer, table, toJson, type Section } from "./report";
import { demoSection, franceSection, readSection } from "./sections";

const args = commandLine({
  command: "npm run bench --",
  summary: "Mesure les temps de construction (démo et France synthétique), la mémoire, le poids des pages et la lecture d'un gros fichier, chacun à côté de sa cible ; n'échoue jamais sur une cible.",
  options: {
    quick: { type: "boolean", default: false, description: "5 000 communes au lieu de 35 000 (temps de la France extrapolés)" },
    "read-only": { type: "boolean", default: false, description: "ne mesurer que la lecture du dossier complet synthétique" },
    passes: { type: "string", default: "2", value: "nombre", description: "passes de chaque série (la plus rapide est retenue)", check: positiveInteger },
    json: { type: "string", default: join(tmpdir(), "portraits-bench-results.json"), value: "fichier", description: "où écrire les résultats en JSON" },
    budget: { type: "string", default: "20", value: "minutes", description: "temps au-delà duquel les passes restantes sont sautées", check: positiveNumber },
    "cpu-prof": { type: "boolean", default: false, description: "profiler le CPU des constructions (où va le temps)" },
    keep: { type: "boolean", default: false, description: "garder le dossier de travail" },
  },
});

const FRANCE = { communes: 35_000, epcis: 1_255 };
const QUICK = { communes: 5_000, epcis: 200 };
const scale = args.quick ? QUICK : FRANCE;
const minutes = Number(args.budget);
const deadline = Date.now() + minutes * 60_000;
const passes = Number(args.passes);
const work = mkdtempSync(join(tmpdir(), "portraits-bench-"));
const caches = ["node_modules/.vite", "node_modules/.astro", ".astro"].filter((dir) => existsSync(dir));
// Caches of the benchmark's own, emptied before each cold build: "cold" reads every file and draws every chart.
const cache = join(work, "caches");
process.env.PORTRAITS_CACHE = cache;

console.log(
  `Banc d'essai (${availableParallelism()} cœurs, Node ${process.versions.node}), budget ${args.budget} min, ${passes} passe${passes > 1 ? "s" : ""} (la plus rapide retenue), dossier ${work}\n` +
    `Caches présents avant la construction « à froid » (conservés) : ${caches.length ? caches.join(", ") : "aucun"} ; caches des graphiques et des fichiers lus vidés avant chaque construction à froid (${cache})\n` +
    `Reconstruction après un changement : +5 foyers au RSA dans une commune de ${CHANGED_FILE} (une valeur publiée)`,
);

const sections: Section[] = [];
try {
  if (!args["read-only"]) await measureBuilds();
  console.log("• dossier complet synthétique : écriture du fichier, puis lecture dans un processus à part…");
  const dossierDir = join(work, "dossier");
  mkdirSync(dossierDir);
  const writing = performance.now();
  const dossier = writeDossierComplet(dossierDir);
  const writtenIn = performance.now() - writing;
  sections.push(readSection(await measureRead(dossierDir, dossier, Math.max(deadline - Date.now(), 60_000)), writtenIn));
} finally {
  if (!args.keep) rmSync(work, { recursive: true, force: true });
}

console.log(sections.map(table).join("\n"));
writeFileSync(args.json, toJson(sections, { date: new Date().toISOString(), cores: availableParallelism(), node: process.versions.node, quick: args.quick, caches }));
console.log(`\nRésultats JSON : ${args.json}`);

/** The demo and the synthetic France, built three times each. */
async function measureBuilds(): Promise<void> {
  console.log("\n• démo : trois constructions et les PDF…");
  const demoDir = join(work, "demo");
  const demo = await measureDataset(copyDemo(demoDir), join(work, "demo-site"), { deadline, passes, cache, change: () => changeOneSource(demoDir), pdf: true });
  sections.push(demoSection(demo));

  console.log(`• France synthétique : ${integer(scale.communes)} communes, ${integer(scale.epcis)} EPCI (écriture des fichiers)…`);
  const synthetic = join(work, "synthetic");
  const generating = performance.now();
  const config = await writeSynthetic(synthetic, scale.communes, scale.epcis);
  const generatedIn = performance.now() - generating;
  const profileDir = args["cpu-prof"] ? join(work, "profiles") : undefined;
  console.log("• France synthétique : trois constructions…");
  const measured = await measureDataset(config, join(work, "synthetic-site"), { deadline, passes, cache, change: () => changeOneSource(synthetic), profileDir });
  const france = franceSection(measured, { ...scale, generatedMs: generatedIn, quick: args.quick ? { demo, france: FRANCE } : undefined });
  if (profileDir && existsSync(profileDir) && readdirSync(profileDir).length > 0)
    france.details.push("Profil CPU de la construction à froid (temps propre, --cpu-prof) :", ...profileLines(profileDir).map((l) => `  ${l}`));
  sections.push(france);
}
