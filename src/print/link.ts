// The portrait page is built before its PDF exists: it carries a hidden "Télécharger le PDF"
// link that the PDF step reveals, with the file's size, once the file is there.
import { formatNumber } from "../format/number";

export const PDF_LINK_HIDDEN = "data-pdf-link hidden";
const SIZE_SLOT = "<span data-pdf-size></span>";

/** "145 Ko", "1,2 Mo" — sizes as French readers expect them. */
export function formatSize(bytes: number): string {
  return bytes < 1_000_000 ? `${formatNumber(Math.max(1, Math.round(bytes / 1000)))}\u00A0Ko` : `${formatNumber(bytes / 1_000_000, 1)}\u00A0Mo`;
}

export function revealPdfLink(html: string, bytes: number): string {
  if (!html.includes(PDF_LINK_HIDDEN)) throw new Error("la page du portrait n'a pas d'emplacement pour le lien du PDF (data-pdf-link)");
  return html.replace(PDF_LINK_HIDDEN, "data-pdf-link").replace(SIZE_SLOT, `<span data-pdf-size>PDF, ${formatSize(bytes)}</span>`);
}
