// `npm run check [-- --config <file>] [--out dist]`: validates the declarations and every source
// file without building, compares with the published site, and says what to do.
import { parseArgs } from "node:util";
import { checkConfiguration } from "../pipeline/check";
import { errorsIn, findingLines } from "./findings";
import { buildDateFrom } from "./terminal";

const { values: args } = parseArgs({
  options: {
    config: { type: "string", default: "data/demo/config.yaml" },
    out: { type: "string", default: "dist" },
    date: { type: "string" },
  },
});

const findings = await checkConfiguration(args.config!, args.out!, buildDateFrom(args.date));
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
