// `npm run pdf [-- --out dist] [--all] [--fiches] [--commune <codes>] [--parallel 2]`, after `npm run build`:
// prints each published portrait that has no PDF yet to dist/epci/<siren>/portrait.pdf with Debian's
// Chromium and links it from its page; with --fiches, each commune sheet with data too
// (dist/commune/<code>/fiche.pdf), which is not the default because a whole country has 35,000 of them.
// A PDF the build kept came with its unchanged page (src/site/reuse.ts), so it is current; --all prints
// them all again. Several pages print at once, each in a tab of one Chromium. Works on a copy of the
// site swapped in at the end, so a failure leaves the published site untouched.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser } from "../print/browser";
import { revealPdfLink, formatSize } from "../print/link";
import { describeOverflow } from "../print/overflow";
import { COMMUNE_SHEETS, PORTRAITS, PRINT_CONCURRENCY, printingSummary, printPages, type Printable } from "../print/pdf";
import { serveSite } from "../print/server";
import { commandLine, positiveInteger } from "./args";
import { stagingDir, swapInto } from "./publish";
import { failWith } from "./terminal";

const args = commandLine({
  command: "npm run pdf --",
  summary:
    "Imprime en PDF A4 de six pages, avec le Chromium de Debian, chaque portrait publié qui n'a pas encore le sien, et le lie depuis sa page ; " +
    "sur demande, les fiches communales aussi (deux pages chacune).",
  options: {
    out: { type: "string", default: "dist", value: "dossier", description: "le dossier du site construit par npm run build" },
    all: { type: "boolean", default: false, description: "refaire tous les PDF, même ceux qui sont à jour" },
    fiches: { type: "boolean", default: false, description: "imprimer aussi les fiches communales (celles qui ont des données) qui n'ont pas encore leur PDF" },
    commune: {
      type: "string",
      value: "codes",
      description: "n'imprimer que la fiche de ces communes (codes INSEE séparés par des virgules), même si elle a déjà son PDF",
      check: (value) => (/^[0-9AB]{5}(,[0-9AB]{5})*$/.test(value) ? undefined : "des codes INSEE de commune séparés par des virgules sont attendus (32013,32107)"),
    },
    parallel: {
      type: "string",
      default: String(PRINT_CONCURRENCY),
      value: "nombre",
      description: "pages imprimées à la fois, chacune dans son onglet de Chromium ; le plus rapide mesuré sur 2 cœurs",
      check: positiveInteger,
    },
  },
  notes: ["Les fiches ne sont pas imprimées par défaut : une par commune, 35 000 pour la France, soit plus d'une heure (0,13 s par fiche mesuré sur la démo)."],
});
const started = Date.now();
const staging = stagingDir(args.out, "pdf");
try {
  if (!existsSync(join(args.out, "donnees", "publication.json")))
    throw new Error(`pas de site construit dans ${args.out}/ : lancez d'abord npm run build`);
  const wanted = toPrint(args.out);
  const count = wanted.reduce((sum, w) => sum + w.codes.length, 0);
  if (count === 0) {
    console.log(`${wanted.map((w) => `Les ${w.published} ${w.what.all}`).join(" et ")} ont déjà leur PDF, à jour de leur page. Pour les refaire tous : --all.`);
    process.exit(0);
  }
  // Before copying anything: without Chromium there is nothing to do.
  const browser = await launchBrowser({ printing: true });
  const crowded: string[] = [];
  try {
    cpSync(args.out, staging, { recursive: true });
    const server = await serveSite(staging);
    const lines: string[] = [];
    try {
      for (const { what, codes, published } of wanted.filter((w) => w.codes.length)) {
        const tabs = Math.min(Number(args.parallel), codes.length);
        const printing = Date.now();
        await printPages(browser, server.url, staging, what, codes, (p, done) => {
          console.log(`• PDF ${done}/${codes.length} : ${what.noun} ${p.code} (${formatSize(p.bytes)})`);
          for (const sheet of p.overflow) crowded.push(`${what.noun} ${p.code}, ${describeOverflow(sheet)}`);
          const page = join(staging, what.folder, p.code, "index.html");
          writeFileSync(page, revealPdfLink(readFileSync(page, "utf8"), p.bytes));
        }, tabs);
        // Launching Chromium and copying the site cost the same for one page as for all: the time per
        // page is the printing's alone.
        const kept = args.commune ? 0 : published - codes.length;
        lines.push(
          `${codes.length} PDF écrits (${printingSummary(Date.now() - printing, codes.length, tabs, what.noun)}) dans ${args.out}/${what.folder}/<code>/${what.file}` +
            (kept ? ` ; ${kept} ${what.kept[kept > 1 ? 1 : 0]} (--all pour tout refaire)` : ""),
        );
      }
    } finally {
      await server.close();
    }
    swapInto(staging, args.out);
    console.log(`\n${lines.join("\n")}\nTerminé en ${((Date.now() - started) / 1000).toFixed(1)} s, lancement de Chromium et copie du site compris.`);
  } finally {
    await browser.close();
  }
  // Still six (or two) pages, but what does not fit its sheet is cut on paper: say where, so the plan is lightened.
  if (crowded.length)
    console.warn(
      `\nAttention : ${crowded.length} page(s) trop pleine(s), leur contenu est coupé à l'impression. ` +
        `Allégez ces pages dans le plan du portrait (portraits/*.yaml) :\n${crowded.map((c) => `  - ${c}`).join("\n")}`,
    );
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  failWith(error);
}

/** The pages to print, by kind: `published` of them have a page to print, `codes` are to be printed now. */
function toPrint(site: string): { what: Printable; published: number; codes: string[] }[] {
  const missing = (what: Printable) => (code: string) => args.all || !existsSync(join(site, what.folder, code, what.file));
  if (args.commune) {
    const sheets = sheetCodes(site);
    const unknown = args.commune.split(",").filter((code) => !sheets.includes(code));
    if (unknown.length)
      throw new Error(`pas de fiche communale avec des données pour ${unknown.join(", ")} (commune inconnue, ou son intercommunalité n'a pas signé sa CTG)`);
    return [{ what: COMMUNE_SHEETS, published: sheets.length, codes: args.commune.split(",") }];
  }
  const portraits = publishedCodes(site);
  const wanted = [{ what: PORTRAITS, published: portraits.length, codes: portraits.filter(missing(PORTRAITS)) }];
  if (!args.fiches) return wanted;
  const sheets = sheetCodes(site);
  return [...wanted, { what: COMMUNE_SHEETS, published: sheets.length, codes: sheets.filter(missing(COMMUNE_SHEETS)) }];
}

/** The portraits with data (signed CTG), from the publication the build left in the site. */
function publishedCodes(site: string): string[] {
  const publication = JSON.parse(readFileSync(join(site, "donnees", "publication.json"), "utf8")) as { epcis: Record<string, { signed: boolean }> };
  return Object.entries(publication.epcis)
    .filter(([, e]) => e.signed)
    .map(([code]) => code)
    .sort();
}

/** The commune sheets with data: those the build gave their downloads (a sheet without data says why, and has none). */
function sheetCodes(site: string): string[] {
  const dir = join(site, COMMUNE_SHEETS.folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((code) => existsSync(join(dir, code, "donnees.csv")))
    .sort();
}
