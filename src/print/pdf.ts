// Each published portrait printed to A4 PDF by Chromium, two tabs at a time, exactly as a
// browser's "Imprimer" would print the page.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { measureSheets, overflowing, type SheetOverflow } from "./overflow";

export interface PrintedPortrait {
  code: string;
  file: string;
  bytes: number;
  /** Sheets whose content does not fit their A4 page: cut on paper (empty when all fit). */
  overflow: SheetOverflow[];
}

async function printOne(page: Page, baseUrl: string, siteDir: string, code: string): Promise<PrintedPortrait> {
  await page.goto(`${baseUrl}/epci/${code}/`, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  const overflow = overflowing(await measureSheets(page));
  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  const file = join(siteDir, "epci", code, "portrait.pdf");
  writeFileSync(file, pdf);
  return { code, file, bytes: pdf.length, overflow };
}

/** Prints every code with `tabs` pages working in parallel; `onDone` reports progress. */
export async function printPortraits(
  browser: Browser,
  baseUrl: string,
  siteDir: string,
  codes: string[],
  onDone: (printed: PrintedPortrait, done: number) => void,
  tabs = 2,
): Promise<PrintedPortrait[]> {
  const queue = [...codes];
  const printed: PrintedPortrait[] = [];
  const worker = async () => {
    const page = await browser.newPage();
    for (let code = queue.shift(); code !== undefined; code = queue.shift()) {
      const result = await printOne(page, baseUrl, siteDir, code);
      printed.push(result);
      onDone(result, printed.length);
    }
    await page.close();
  };
  await Promise.all(Array.from({ length: Math.min(tabs, codes.length) }, worker));
  return printed.sort((a, b) => a.code.localeCompare(b.code));
}
