import { describe, expect, it } from "vitest";
import { formatSize, revealPdfLink } from "../../src/print/link";

const SLOT = '<p data-pdf-link hidden><a href="portrait.pdf">Télécharger le PDF</a> <span data-pdf-size></span></p>';

describe("PDF link", () => {
  it("reveals the hidden link with the size in French units", () => {
    expect(revealPdfLink(SLOT, 145_321)).toBe('<p data-pdf-link><a href="portrait.pdf">Télécharger le PDF</a> <span data-pdf-size>(145\u00A0Ko)</span></p>');
  });

  it("only updates the size when the PDF step runs again", () => {
    expect(revealPdfLink(revealPdfLink(SLOT, 145_321), 98_700)).toBe(
      '<p data-pdf-link><a href="portrait.pdf">Télécharger le PDF</a> <span data-pdf-size>(99\u00A0Ko)</span></p>',
    );
  });

  it("formats sizes as French readers expect", () => {
    expect(formatSize(812)).toBe("1\u00A0Ko");
    expect(formatSize(1_234_567)).toBe("1,2\u00A0Mo");
  });

  it("refuses a page without the link's slot rather than publishing a PDF nobody can find", () => {
    expect(() => revealPdfLink("<main></main>", 10)).toThrow(/data-pdf-link/);
  });
});
