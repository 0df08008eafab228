// A portrait's page, or a commune sheet's, is built before its PDF exists: it carries a hidden "Télécharger le PDF"
// link that the PDF step reveals, with the file's size ("Télécharger le PDF (145 Ko)"), once the file is there.
import { formatNumber } from "../format/number";

/** The slot as built (hidden), or as an earlier `npm run pdf` left it (shown): running it again only updates the size. */
const LINK = /data-pdf-link(?: hidden)?/;
const SIZE = /<span data-pdf-size>[^<]*<\/span>/;

/** "145 Ko", "1,2 Mo" — sizes as French readers expect them. */
export function formatSize(bytes: number): string {
  return bytes < 1_000_000 ? `${formatNumber(Math.max(1, Math.round(bytes / 1000)))}\u00A0Ko` : `${formatNumber(bytes / 1_000_000, 1)}\u00A0Mo`;
}

export function revealPdfLink(html: string, bytes: number): string {
  if (!LINK.test(html) || !SIZE.test(html)) throw new Error("la page n'a pas d'emplacement pour le lien du PDF (data-pdf-link)");
  return html.replace(LINK, "data-pdf-link").replace(SIZE, `<span data-pdf-size>(${formatSize(bytes)})</span>`);
}
