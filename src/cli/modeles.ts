// `npm run modeles -- --config <file> [--source <id>] [--out <folder>]`: for each partner source of
// the configuration (key `partner`), the workbook to fill (.xlsx and .ods) and the annex of the
// data-exchange convention (HTML and A4 PDF), written from the declarations the build reads.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadDeclarations } from "../declare/load";
import { annexHtml } from "../partners/annex";
import { templateOf, templateProblem } from "../partners/template";
import { templateWorkbook } from "../partners/workbook";
import { launchBrowser } from "../print/browser";
import { printDocument } from "../print/document";
import { MissingBrowserError } from "../print/missing-browser";
import { loadTerritories } from "../territories/load";
import { commandLine } from "./args";
import { failWith } from "./terminal";

const args = commandLine({
  command: "npm run modeles --",
  summary:
    "Écrit, pour chaque source de partenaire déclarée (clé partner), le classeur à remplir (.xlsx et .ods) et l'annexe de la convention d'échange de données (HTML et PDF A4).",
  options: {
    config: { type: "string", default: "data/demo/config.yaml", value: "fichier", description: "la configuration dont les sources sont demandées" },
    source: { type: "string", value: "id", description: "une seule source (son identifiant dans sources.yaml)" },
    out: { type: "string", default: "modeles", value: "dossier", description: "où écrire les modèles et les annexes" },
  },
  notes: ["Les noms des fichiers portent la source et le millésime demandé (ex. departement_2023.xlsx, annexe_departement_2023.pdf)."],
});

try {
  const declarations = loadDeclarations(args.config);
  const { territories } = loadTerritories(declarations.config, declarations.configDir);
  const sources = [...declarations.sources.values()].filter((s) => (args.source ? s.id === args.source : s.partner));
  if (sources.length === 0)
    throw new Error(
      args.source
        ? `aucune source « ${args.source} » dans ${args.config} (sources : ${[...declarations.sources.keys()].join(", ")})`
        : `aucune source de partenaire dans ${args.config} : ajoutez la clé partner (contact, period, universe, variables) à la source à demander`,
    );
  mkdirSync(args.out, { recursive: true });
  const annexes: { file: string; html: string }[] = [];
  for (const source of sources) {
    const problem = templateProblem(source);
    if (problem) throw new Error(`source « ${source.id} » : ${problem}`);
    const template = templateOf(source, territories);
    for (const format of ["xlsx", "ods"] as const) {
      const file = join(args.out, `${template.fileBase}.${format}`);
      writeFileSync(file, await templateWorkbook(template, format));
      console.log(`• ${file} : ${template.rows.length} lignes, ${template.columns.filter((c) => c.variable).length} variables`);
    }
    const annex = { file: join(args.out, `annexe_${template.fileBase}`), html: annexHtml(template, declarations.config.publisher) };
    writeFileSync(`${annex.file}.html`, annex.html);
    console.log(`• ${annex.file}.html`);
    annexes.push(annex);
  }
  await printAnnexes(annexes);
} catch (error) {
  failWith(error);
}

/** Each annex to PDF; without Chromium the HTML (printable from any browser) is enough, said so. */
async function printAnnexes(annexes: { file: string; html: string }[]): Promise<void> {
  let browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    if (!(error instanceof MissingBrowserError)) throw error;
    console.warn(`Annexes en HTML seulement : ${error.message}`);
    return;
  }
  try {
    for (const { file, html } of annexes) {
      writeFileSync(`${file}.pdf`, await printDocument(browser, html));
      console.log(`• ${file}.pdf`);
    }
  } finally {
    await browser.close();
  }
}
