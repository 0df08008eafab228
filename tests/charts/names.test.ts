// Territory names above the bars: whole when they fit the chart, cut with an ellipsis only when they
// do not, and never wider than the chart (the SVG would clip them on screen and on paper).
import { describe, expect, it } from "vitest";
import { fitName, textWidth } from "../../src/charts/common";

/** Widths of 12 px DejaVu Sans measured in Chromium (getComputedTextLength), regular and bold. */
const MEASURED: [string, number, number][] = [
  ["Maison des solidarités de Rocanous-sur-le-Rocolan", 303, 344],
  ["CC du Pays de Rocanous-sur-le-Rocolan", 237, 267],
  ["Communauté de communes du Grand Armagnac", 295, 326],
  ["Communauté d'agglomération Grand Auch Cœur de Gascogne", 377, 419],
];

describe("chart names", () => {
  it("estimate widths on the wide side, but close (within 10 %)", () => {
    for (const [name, regular, bold] of MEASURED) {
      expect(textWidth(name), name).toBeGreaterThanOrEqual(regular);
      expect(textWidth(name), name).toBeLessThan(regular * 1.1);
      expect(textWidth(name, true), name).toBeGreaterThanOrEqual(bold);
      expect(textWidth(name, true), name).toBeLessThan(bold * 1.1);
    }
  });

  it("keep a name that fits whole, and cut one that does not where it fits", () => {
    expect(fitName("Maison des solidarités de Rocanous-sur-le-Rocolan", 326, false)).toBe("Maison des solidarités de Rocanous-sur-le-Rocolan");
    const cut = fitName("Communauté d'agglomération Grand Auch Cœur de Gascogne", 326, true);
    expect(cut).toMatch(/^Communauté d'agglomération Grand Auch.*…$/);
    expect(textWidth(cut, true)).toBeLessThanOrEqual(326);
    expect(fitName("  Gers ", 326, true)).toBe("Gers");
  });
});
