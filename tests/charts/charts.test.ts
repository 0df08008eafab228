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
import { DOMParser } from "linkedom";
import { epciMap, epciMapFile } from "../../src/charts/epci-map";
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
  { kind: "epci-map", render: () => epciMap({ ...f.epciMapInput, labels: { "200000001": "1", "200000003": "3" } }, { wide: true }), rows: 4 },
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

  it("highlight the EPCI over the département's shared map, and name the unsigned ones in the legend", () => {
    const out = locatorMap(f.locatorInput);
    expect(out.svg).toContain("CTG non signée\u00a0: &lt;script&gt;alert(1)&lt;/script&gt; et CC Astarac Arros en Gascogne");
    expect(out.alt).toContain("Autres intercommunalités sans CTG signée\u00a0: <script>alert(1)</script> et CC Astarac Arros en Gascogne.");
    const svg = parse(out.svg).querySelector("svg.pt-plot")!;
    // The shared file is fitted exactly where the frame lands, so the EPCI drawn on top lines up with it.
    const image = svg.querySelector("image")!;
    expect(["href", "x", "y", "width", "height"].map((a) => image.getAttribute(a))).toEqual(["/carte-intercommunalites.svg?v=test", "4", "4", "322", "322"]);
    const paths = [...svg.querySelectorAll("path:not(pattern path)")];
    expect(paths.map((p) => p.getAttribute("d"))).toEqual(["M165,4L326,4L326,165L165,165Z"]);
    // The image first, the EPCI on top.
    expect([...svg.querySelectorAll("image, path:not(pattern path)")].map((e) => e.tagName.toLowerCase())).toEqual(["image", "path"]);
  });

  it("stay the same size however many EPCIs the département has: the unsigned ones counted beyond ten", () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `CC numéro ${i + 1}`);
    const small = locatorMap({ ...f.locatorInput, epciCount: 15, unsigned: names(11) });
    const france = locatorMap({ ...f.locatorInput, epciCount: 1255, unsigned: names(300) });
    for (const out of [small, france]) {
      expect(out.table.rows).toHaveLength(3);
      expect(out.svg).not.toContain("CC numéro");
      expect(out.alt).toContain("(liste sur la page d'accueil)");
    }
    expect(france.table.rows[1]).toEqual(["300 autres intercommunalités (liste sur la page d'accueil)", "CTG non signée"]);
    expect(france.table.rows[2]).toEqual(["954 autres intercommunalités", "CTG signée"]);
    expect(parse(france.svg).querySelector(".pt-legend")!.textContent).toContain("CTG non signée\u00a0: 300 intercommunalités (liste sur la page d'accueil)");
    expect(Math.abs(france.svg.length - small.svg.length)).toBeLessThan(20);
    const few = locatorMap({ ...f.locatorInput, epciCount: 1255, unsigned: names(10) });
    expect(few.table.rows.slice(1, 11).map((r) => r[0])).toEqual(names(10));
  });

  it("hatch the portrait's own EPCI when its CTG is unsigned", () => {
    const out = locatorMap({ ...f.locatorInput, current: { ...f.locatorInput.current, signed: false }, unsigned: [] });
    const path = parse(out.svg).querySelector("svg.pt-plot path:not(pattern path)")!;
    expect(path.parentElement!.getAttribute("fill")).toMatch(/^url\(#pt-locator-[0-9a-z]+-current-unsigned\)$/);
    expect(out.alt).toContain("(CTG non signée). Toutes les autres ont signé une CTG.");
  });

  it("draw the shared file in the frame's own units, every EPCI once, the unsigned ones hatched", async () => {
    const file = epciMapFile(f.epciMapInput);
    await expect(file).toMatchFileSnapshot("./__snapshots__/epci-map-file.svg");
    const doc = new DOMParser().parseFromString(file, "image/svg+xml");
    const svg = doc.documentElement;
    expect(svg.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(svg.getAttribute("viewBox")).toBe("0 0 40 40");
    expect([...svg.querySelectorAll("g[fill] > path")].map((p) => [p.parentElement!.getAttribute("fill"), p.getAttribute("d")])).toEqual([
      ["#D9D9D9", "M0,0L20,0L20,20L0,20Z"],
      ["#D9D9D9", "M20,0L40,0L40,20L20,20Z"],
      ["url(#unsigned)", "M0,20L20,20L20,40L0,40Z"],
      ["url(#unsigned)", "M20,20L40,20L40,40L20,40Z"],
    ]);
    expect(file).not.toContain("script");
  });

  it("number the EPCIs of the home page's map, none singled out", () => {
    const out = epciMap({ ...f.epciMapInput, labels: { "200000001": "1" } });
    expect([...parse(out.svg).querySelectorAll("svg.pt-plot text")].map((t) => t.textContent)).toEqual(["1"]);
    expect(out.alt).toBe("Carte des 4 intercommunalités du département. CTG non signée\u00a0: <script>alert(1)</script> et CC Astarac Arros en Gascogne.");
  });
});
