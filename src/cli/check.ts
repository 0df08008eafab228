// `npm run check [-- --config <file>] [--out dist]`: validates the declarations and every source
// file without building, compares with the published site, and says what to do.
import { checkConfiguration } from "../pipeline/check";
import { commandLine, isoDate } from "./args";
import { errorsIn, findingLines } from "./findings";
import { buildDateFrom } from "./terminal";

const args = commandLine({
  command: "npm run check --",
  summary: "Vérifie les déclarations et chaque fichier d'une configuration sans rien construire, les compare au site publié et dit quoi corriger.",
  options: {
    config: { type: "string", default: "data/demo/config.yaml", value: "fichier", description: "la configuration à vérifier" },
    out: { type: "string", default: "dist", value: "dossier", description: "le dossier du site publié, pour comparer" },
    date: { type: "string", value: "AAAA-MM-JJ", description: "la date de construction à supposer", check: isoDate },
  },
});

const findings = await checkConfiguration(args.config, args.out, buildDateFrom(args.date));
console.log(`Vérification de ${args.config}`);
console.log(findingLines(findings, { withInfo: true }).join("\n"));
const errors = errorsIn(findings).length;
const warnings = findings.filter((f) => f.severity === "warning").length;
console.log(
  errors > 0
    ? `\n${errors} erreur${errors > 1 ? "s" : ""} : corrigez-les avant de publier (npm run build refusera de publier).`
    : `\nAucune erreur${warnings ? `, ${warnings} avertissement${warnings > 1 ? "s" : ""} à vérifier` : ""} : vous pouvez publier avec npm run build.`,
);
process.exit(errors > 0 ? 1 : 0);
