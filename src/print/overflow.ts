// The overflow trap (tech-notes §7): a printed sheet is exactly A4 and clips what does not fit, so
// printing gives six pages even when content is lost. This measures, in print media, what would be
// lost: a sheet's content taller or wider than the sheet, and any element drawn outside its sheet or
// outside a box that clips it (a chart's frame, an SVG's viewport).
import type { Page } from "playwright-core";

export interface SheetOverflow {
  /** The sheet's data-page number. */
  page: number;
  /** How many CSS px of content run past the sheet's bottom (or right edge); 0 when it fits. */
  overflow: number;
  /** What is cut, by block: "bloc « Chômage des 15-24 ans » +42 px" (outside the sheet, or outside a box that clips it). */
  clipped: string[];
}

/**
 * Every sheet of the page as the browser prints it. Leaves the page in print media, which page.pdf()
 * prints with anyway (never "screen": it would print the screen CSS), and the next page loaded in it too.
 */
export async function measureSheets(page: Page): Promise<SheetOverflow[]> {
  await page.emulateMedia({ media: "print" });
  return sheetsAsPrinted(page);
}

/**
 * The same, in a page already in print media (as the PDF step keeps its tabs): setting the media again
 * would have Chromium compute every style again for nothing.
 */
export async function sheetsAsPrinted(page: Page): Promise<SheetOverflow[]> {
  // page.evaluate, not $$eval: a selector would have Playwright inject its script into every page printed.
  return page.evaluate(measureInPage);
}

/** The sheets where something would be lost on paper. */
export const overflowing = (sheets: SheetOverflow[]) => sheets.filter((s) => s.overflow > 0 || s.clipped.length > 0);

/** "page 3 : 42 px de trop ; coupé : bloc « Chômage des 15-24 ans » +42 px, …" */
export function describeOverflow(s: SheetOverflow): string {
  const parts = [
    ...(s.overflow > 0 ? [`${s.overflow}\u00A0px de trop`] : []),
    ...(s.clipped.length ? [`coupé\u00A0: ${s.clipped.slice(0, 4).join(", ")}${s.clipped.length > 4 ? ", …" : ""}`] : []),
  ];
  return `page ${s.page}\u00A0: ${parts.join(" ; ")}`;
}

// Runs in the browser: self-contained (Playwright sends only this function's source), and without
// inner named functions, which tsx would wrap in a helper the page does not have.
function measureInPage(): SheetOverflow[] {
  const TOLERANCE = 1;
  return [...document.querySelectorAll("[data-page]")].map((sheet) => {
    const box = sheet.getBoundingClientRect();
    const overflow = Math.max(sheet.scrollHeight - sheet.clientHeight, sheet.scrollWidth - sheet.clientWidth, 0);
    /**
     * What bounds the children of each element with children: the sheet's box narrowed by each box
     * between that clips its content (overflow other than visible), and whether they are visually hidden
     * on purpose for screen readers. Measured once per element, in document order (a parent before its
     * children), rather than walking every element's ancestors: the worst overflow past several clips
     * is the overflow past the narrowest of them, side by side.
     */
    const limits = new Map<Element, { top: number; right: number; bottom: number; left: number; hidden: boolean }>();
    limits.set(sheet, { top: box.top, right: box.right, bottom: box.bottom, left: box.left, hidden: false });
    /** Worst cut per block (named by its title), or per element outside any block. */
    const cuts = new Map<string, number>();
    for (const el of sheet.querySelectorAll("*")) {
      const c = limits.get(el.parentElement!)!;
      const r = el.getBoundingClientRect();
      const hidden = c.hidden || el.classList.contains("sr-only");
      if (el.firstElementChild) {
        const style = getComputedStyle(el);
        limits.set(
          el,
          style.overflowX !== "visible" || style.overflowY !== "visible"
            ? { top: Math.max(c.top, r.top), right: Math.min(c.right, r.right), bottom: Math.min(c.bottom, r.bottom), left: Math.max(c.left, r.left), hidden }
            : hidden === c.hidden ? c : { ...c, hidden },
        );
      }
      // Not drawn (display:none), or visually hidden on purpose for screen readers.
      if ((r.width === 0 && r.height === 0) || hidden) continue;
      const worst = Math.max(r.bottom - c.bottom, r.right - c.right, c.left - r.left, c.top - r.top);
      // Named by its block's title, else by the part of the sheet it is in (the grid of blocks is not named:
      // its blocks are).
      if (worst > TOLERANCE && !el.querySelector(".block")) {
        const block = el.closest(".block");
        let part: Element = el;
        while (part.parentElement && part.parentElement !== sheet) part = part.parentElement;
        const text = (block?.querySelector(".block-title") ?? part).textContent?.trim().replace(/\s+/g, " ").slice(0, 50);
        const key = block ? `bloc « ${text} »` : part.matches("footer") ? "pied de page" : part.matches("header") ? "en-tête" : `« ${text} »`;
        cuts.set(key, Math.max(cuts.get(key) ?? 0, Math.ceil(worst)));
      }
    }
    const clipped = [...cuts].map(([key, px]) => `${key} +${px}\u00A0px`);
    return { page: Number(sheet.getAttribute("data-page")), overflow, clipped };
  });
}
