// A self-contained HTML document (no file of its own to fetch) printed to A4 PDF by the same
// Chromium as the portraits: the annexes of the data-exchange conventions.
import type { Browser } from "playwright-core";

export async function printDocument(browser: Browser, html: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  } finally {
    await page.close();
  }
}
