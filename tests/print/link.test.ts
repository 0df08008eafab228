import { describe, expect, it } from "vitest";
import { formatSize, revealPdfLink } from "../../src/print/link";

describe("PDF link", () => {
  it("reveals the hidden link with the size in French units", () => {
    const html = '<p data-pdf-link hidden><a href="portrait.pdf">Télécharger le PDF</a> <span data-pdf-size></span></p>';
    expect(revealPdfLink(html, 145_321)).toBe('<p data-pdf-link><a href="portrait.pdf">Télécharger le PDF</a> <span data-pdf-size>PDF, 145\u00A0Ko</span></p>');
  });

  it("formats sizes as French readers expect", () => {
    expect(formatSize(812)).toBe("1\u00A0Ko");
    expect(formatSize(1_234_567)).toBe("1,2\u00A0Mo");
  });

  it("refuses a page without the link's slot rather than publishing a PDF nobody can find", () => {
    expect(() => revealPdfLink("<main></main>", 10)).toThrow(/data-pdf-link/);
  });
});
