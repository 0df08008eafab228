// `npm run pdf [-- --out dist] [--all] [--parallel 2]`, after `npm run build`: prints each published
// portrait that has no PDF yet to dist/epci/<siren>/portrait.pdf with Debian's Chromium and links it
// from its page. A PDF the build kept came with its unchanged page (src/site/reuse.ts), so it is
// current; --all prints them all again. Several portraits print at once, each in a tab of one
// Chromium. Works on a copy of the site swapped in at the end, so a failure leaves the published
// site untouched.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser } from "../print/browser";
import { revealPdfLink, formatSize } from "../print/link";
import { describeOverflow } from "../print/overflow";
import { PRINT_CONCURRENCY, printingSummary, printPortraits } from "../print/pdf";
import { serveSite } from "../print/server";
import { commandLine, positiveInteger } from "./args";
import { stagingDir, swapInto } from "./publish";
import { failWith } from "./terminal";

const args = commandLine({
  command: "npm run pdf --",
  summary: "Imprime en PDF A4 de six pages, avec le Chromium de Debian, chaque portrait publié qui n'a pas encore le sien, et le lie depuis sa page.",
  options: {
    out: { type: "string", default: "dist", value: "dossier", description: "le dossier du site construit par npm run build" },
    all: { type: "boolean", default: false, description: "refaire tous les PDF, même ceux qui sont à jour" },
    parallel: {
      type: "string",
      default: String(PRINT_CONCURRENCY),
      value: "nombre",
      description: "portraits imprimés à la fois, chacun dans son onglet de Chromium ; le plus rapide mesuré sur 2 cœurs",
      check: positiveInteger,
    },
  },
});
const started = Date.now();
const staging = stagingDir(args.out, "pdf");
try {
  if (!existsSync(join(args.out, "donnees", "publication.json")))
    throw new Error(`pas de site construit dans ${args.out}/ : lancez d'abord npm run build`);
  const published = publishedCodes(args.out);
  const codes = published.filter((code) => args.all || !existsSync(join(args.out, "epci", code, "portrait.pdf")));
  if (codes.length === 0) {
    console.log(`Les ${published.length} portraits publiés ont déjà leur PDF, à jour de leur page. Pour les refaire tous : --all.`);
    process.exit(0);
  }
  // Before copying anything: without Chromium there is nothing to do.
  const browser = await launchBrowser();
  const crowded: string[] = [];
  try {
    cpSync(args.out, staging, { recursive: true });
    const server = await serveSite(staging);
    const tabs = Math.min(Number(args.parallel), codes.length);
    const printing = Date.now();
    try {
      await printPortraits(browser, server.url, staging, codes, (p, done) => {
        console.log(`• PDF ${done}/${codes.length} : ${p.code} (${formatSize(p.bytes)})`);
        for (const sheet of p.overflow) crowded.push(`${p.code}, ${describeOverflow(sheet)}`);
        const page = join(staging, "epci", p.code, "index.html");
        writeFileSync(page, revealPdfLink(readFileSync(page, "utf8"), p.bytes));
      }, tabs);
    } finally {
      await server.close();
    }
    // Launching Chromium and copying the site cost the same for one portrait as for all: the time per
    // portrait is the printing's alone.
    const printed = printingSummary(Date.now() - printing, codes.length, tabs);
    swapInto(staging, args.out);
    const seconds = (Date.now() - started) / 1000;
    const kept = published.length - codes.length;
    console.log(
      `\n${codes.length} PDF écrits en ${seconds.toFixed(1)} s (${printed}) dans ${args.out}/epci/<code>/portrait.pdf` +
        (kept ? ` ; ${kept} portrait${kept > 1 ? "s" : ""} inchangé${kept > 1 ? "s" : ""} gard${kept > 1 ? "ent" : "e"} le sien (--all pour tout refaire)` : ""),
    );
  } finally {
    await browser.close();
  }
  // Still six pages, but what does not fit its sheet is cut on paper: say where, so the plan is lightened.
  if (crowded.length)
    console.warn(
      `\nAttention : ${crowded.length} page(s) trop pleine(s), leur contenu est coupé à l'impression. ` +
        `Allégez ces pages dans le plan du portrait (portraits/*.yaml) :\n${crowded.map((c) => `  - ${c}`).join("\n")}`,
    );
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  failWith(error);
}

/** The portraits with data (signed CTG), from the publication the build left in the site. */
function publishedCodes(site: string): string[] {
  const publication = JSON.parse(readFileSync(join(site, "donnees", "publication.json"), "utf8")) as { epcis: Record<string, { signed: boolean }> };
  return Object.entries(publication.epcis)
    .filter(([, e]) => e.signed)
    .map(([code]) => code)
    .sort();
}
