// The DOM helper: accessibility fix, hoisted styles, local ids, and loud failure on Plot warnings.
import * as Plot from "@observablehq/plot";
import { afterEach, describe, expect, it, vi } from "vitest";
import { chartStyles } from "../../src/charts";
import { chartId, renderPlot, svgMark } from "../../src/charts/dom";

const meta = { id: "pt-test-1", title: "Titre", desc: "Description" };

afterEach(() => vi.restoreAllMocks());

describe("renderPlot", () => {
  it("throws when Plot draws a warning (⚠)", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    // Strings that look like dates on a linear scale make Plot warn.
    const options = { marks: [Plot.dot([{ x: "2020-01-01" }, { x: "2021-01-01" }], { x: "x" })] };
    expect(() => renderPlot(options, meta)).toThrow(/avertissement/);
  });

  it("throws on NaN in the drawing", () => {
    const nan = svgMark(() => [{ tag: "circle", attrs: { cx: Number.NaN, cy: 0, r: 2 } }]);
    expect(() => renderPlot({ marks: [nan] }, meta)).toThrow(/NaN/);
  });

  it("rewrites Plot's global clip ids into ids local to the chart", () => {
    const options = { x: { domain: [0, 1] }, marks: [Plot.dot([{ x: 0.5 }], { x: "x", clip: true })] };
    const a = renderPlot(options, meta);
    const b = renderPlot(options, meta);
    expect(a).toBe(b);
    expect(a).toContain('id="pt-test-1-clip-1"');
    expect(a).not.toMatch(/plot-clip-\d/);
  });

  it("removes Plot's inline <style>, which chartStyles() provides once", () => {
    const svg = renderPlot({ marks: [Plot.frame()] }, meta);
    expect(svg).not.toContain("<style");
    expect(chartStyles()).toContain(":where(.pt-plot)");
    expect(chartStyles()).toContain(".pt-legend");
  });
});

describe("chartId", () => {
  it("hashes the input deterministically", () => {
    expect(chartId("bars", { a: 1 })).toBe(chartId("bars", { a: 1 }));
    expect(chartId("bars", { a: 1 })).not.toBe(chartId("bars", { a: 2 }));
    expect(chartId("bars", { a: 1 })).toMatch(/^pt-bars-[0-9a-z]+$/);
  });
});
