// One snapshot per chart kind, plus what every chart must guarantee: determinism, accessibility,
// a data table, no Plot warning, no NaN, no inline <style>, no render-order ids.
import { describe, expect, it } from "vitest";
import {
  choropleth,
  comparisonBars,
  donut,
  evolution,
  keyFigures,
  locatorMap,
  pyramid,
  stackedBar,
  type ChartOutput,
} from "../../src/charts";
import * as f from "./fixtures";
import { parse } from "./helpers";

const cases: { kind: string; render: () => ChartOutput; rows: number }[] = [
  { kind: "key-figures", render: () => keyFigures(f.keyFigureInputs, { title: "Chiffres clés" }), rows: 3 },
  { kind: "comparison-bars", render: () => comparisonBars(f.bars), rows: 5 },
  { kind: "comparison-bars-wide", render: () => comparisonBars(f.bars, { wide: true }), rows: 5 },
  { kind: "comparison-bars-negative", render: () => comparisonBars(f.barsNegative), rows: 3 },
  { kind: "stacked-bar", render: () => stackedBar(f.stacked), rows: 3 },
  { kind: "donut", render: () => donut(f.donutInput), rows: 4 },
  { kind: "pyramid", render: () => pyramid(f.pyramidInput), rows: 6 },
  { kind: "evolution", render: () => evolution(f.evolutionInput), rows: 4 },
  { kind: "evolution-rate", render: () => evolution(f.evolutionRate, { wide: true }), rows: 2 },
  { kind: "evolution-periods", render: () => evolution(f.evolutionPeriods), rows: 2 },
  { kind: "choropleth", render: () => choropleth(f.choroplethInput), rows: 9 },
  { kind: "locator-map", render: () => locatorMap(f.locatorInput), rows: 4 },
];

describe.each(cases)("$kind", ({ kind, render, rows }) => {
  const out = render();

  it("matches its snapshot", async () => {
    await expect(out.svg).toMatchFileSnapshot(`./__snapshots__/${kind}.html`);
  });

  it("is deterministic, whatever was rendered before", () => {
    for (const other of cases) other.render();
    expect(render()).toEqual(out);
  });

  it("has a title, a text alternative with numbers and a data table", () => {
    expect(out.title.length).toBeGreaterThan(0);
    expect(out.alt).toMatch(/\d/);
    expect(out.table.caption.length).toBeGreaterThan(0);
    expect(out.table.rows).toHaveLength(rows);
    for (const row of out.table.rows) expect(row).toHaveLength(out.table.headers.length);
  });

  it("has no Plot warning, no NaN, no inline style and no render-order id", () => {
    const text = [out.svg, out.title, out.alt, out.table.caption, ...out.table.headers, ...out.table.rows.flat()].join("\n");
    expect(text).not.toContain("⚠");
    expect(text).not.toMatch(/NaN|undefined|\[object/);
    expect(out.svg).not.toContain("<style");
    expect(out.svg).not.toMatch(/plot-(clip|pattern)-\d/);
  });

});

// Key figures are HTML cards; every other kind is one accessible SVG image.
describe.each(cases.filter((c) => c.kind !== "key-figures"))("$kind as an image", ({ render }) => {
  const out = render();

  it("is an accessible image", () => {
    const body = parse(out.svg);
    const figures = body.querySelectorAll("svg.pt-plot");
    expect(figures).toHaveLength(1);
    const svg = figures[0];
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe(out.title);
    expect(svg.hasAttribute("aria-description")).toBe(false);
    expect(svg.firstElementChild?.tagName.toLowerCase()).toBe("title");
    expect(svg.firstElementChild?.textContent).toBe(out.title);
    expect(svg.querySelector("desc")?.textContent).toBe(out.alt);
    expect(svg.querySelectorAll("g[aria-label]")).toHaveLength(0);
    // Legend swatches are decorative: their text is in the HTML next to them.
    for (const swatch of body.querySelectorAll("svg:not(.pt-plot)")) expect(swatch.getAttribute("aria-hidden")).toBe("true");
    // Pattern ids are unique in the chart and prefixed by its kind.
    const ids = [...svg.querySelectorAll("[id]")].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^pt-[a-z]+-[0-9a-z]+-/);
  });
});

describe("ids", () => {
  it("differ between charts of different inputs and are stable for the same input", () => {
    const a = comparisonBars(f.bars).svg.match(/id="([^"]+)"/)![1];
    const b = comparisonBars({ ...f.bars, label: "Autre" }).svg.match(/id="([^"]+)"/)![1];
    expect(a).not.toBe(b);
    expect(comparisonBars(f.bars).svg.match(/id="([^"]+)"/)![1]).toBe(a);
  });
});

describe("maps", () => {
  it("draw the planar geometry as given, y down, fitted to the frame", () => {
    const body = parse(choropleth(f.choroplethInput).svg);
    const first = body.querySelector("svg.pt-plot path[fill]")!;
    // Commune 0 is the top-left square of the fixture.
    expect(first.querySelector("title")!.textContent).toContain("<script>");
    expect(first.getAttribute("d")).toMatch(/^M4,4L/);
  });

  it("highlight the EPCI and name the unsigned ones in the legend", () => {
    const out = locatorMap(f.locatorInput);
    expect(out.svg).toContain("CTG non signée\u00a0: &lt;script&gt;alert(1)&lt;/script&gt; et CC Astarac Arros en Gascogne");
    expect(out.alt).toContain("Sans CTG signée\u00a0: <script>alert(1)</script> et CC Astarac Arros en Gascogne.");
    expect(() => locatorMap({ ...f.locatorInput, current: "999" })).toThrow();
  });
});
