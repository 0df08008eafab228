// npm run init -- --departement 69 --data <dossier> --out <dossier de configuration>
import { commandLine } from "./args";
import { runInit } from "../init/run";

const options = commandLine({
  command: "npm run init --",
  summary:
    "Écrit la configuration d'un département (config.yaml, sources.yaml, plan.yaml) d'après les fichiers officiels d'un dossier, reconnus par leurs colonnes ; relancée sur un dossier mis à jour, met les sources à jour et dit ce qui a changé.",
  options: {
    departement: { type: "string", value: "code", description: "code du département (ex. 32, 2A, 971)", check: (v) => (/^(\d{2}|2A|2B|\d{3})$/.test(v) ? undefined : "un code de département est attendu, ex. 32 ou 2A") },
    data: { type: "string", value: "dossier", description: "dossier des fichiers téléchargés (CSV, ZIP, XLS, XLSX, ODS, GeoJSON)" },
    out: { type: "string", value: "dossier", description: "dossier de la configuration à écrire (ex. data/rhone)" },
  },
  notes: ["Puis : npm run check -- --config <dossier>/config.yaml, et npm run build -- --config <dossier>/config.yaml."],
});
const missing = (["departement", "data", "out"] as const).filter((k) => !options[k]);
if (missing.length) {
  console.error(`Erreur : ${missing.map((k) => `--${k}`).join(", ")} manquant.\n(npm run init -- --help pour l'aide)`);
  process.exit(2);
}
try {
  for (const line of await runInit({ departement: options.departement!, data: options.data!, out: options.out! })) console.log(line);
} catch (e) {
  console.error(`Erreur : ${(e as Error).message}`);
  process.exit(1);
}
