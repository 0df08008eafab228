// `npm run pdf [-- --out dist]`, after `npm run build`: prints every published portrait to
// dist/epci/<siren>/portrait.pdf with Debian's Chromium and links it from its page. Works on a
// copy of the site swapped in at the end, so a failure leaves the published site untouched.
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launchBrowser } from "../print/browser";
import { revealPdfLink, formatSize } from "../print/link";
import { printPortraits } from "../print/pdf";
import { serveSite } from "../print/server";
import { stagingDir, swapInto } from "./publish";
import { failWith } from "./terminal";

const { values: args } = parseArgs({ options: { out: { type: "string", default: "dist" } } });
const started = Date.now();
const staging = stagingDir(args.out!, "pdf");
try {
  cpSync(args.out!, staging, { recursive: true });
  const codes = publishedCodes(staging);
  const browser = await launchBrowser();
  const server = await serveSite(staging);
  try {
    await printPortraits(browser, server.url, staging, codes, (p, done) => {
      console.log(`• PDF ${done}/${codes.length} : ${p.code} (${formatSize(p.bytes)})`);
      const page = join(staging, "epci", p.code, "index.html");
      writeFileSync(page, revealPdfLink(readFileSync(page, "utf8"), p.bytes));
    });
  } finally {
    await server.close();
    await browser.close();
  }
  swapInto(staging, args.out!);
  console.log(`\n${codes.length} PDF écrits en ${((Date.now() - started) / 1000).toFixed(1)} s dans ${args.out}/epci/<code>/portrait.pdf`);
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
