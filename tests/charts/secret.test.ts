// Values that cannot be shown: hatched and named, never drawn as zero, never a blank chart.
import { describe, expect, it } from "vitest";
import { choropleth, comparisonBars, donut, evolution, keyFigures, pyramid, stackedBar, type ChartOutput } from "../../src/charts";
import { PARTS } from "../../src/charts/theme";
import type { Value } from "../../src/model/types";
import * as f from "./fixtures";
import { parse } from "./helpers";

/** The fill of every element that references a pattern, and the patterns defined. */
function hatchUse(svg: string) {
  const body = parse(svg);
  const patterns = [...body.querySelectorAll("pattern")].map((p) => p.id);
  const fills = [...body.querySelectorAll("[fill^='url(']")].map((e) => e.getAttribute("fill")!.slice(5, -1));
  return { patterns, fills };
}

describe("a secret value is hatched", () => {
  it("in comparison bars, with its status written on the bar", () => {
    const out = comparisonBars(f.bars);
    const body = parse(out.svg);
    const hatch = body.querySelector("pattern")!.id;
    // Plot sets a constant fill on the mark's group: two hatched bars, the secret and the missing rows.
    expect(body.querySelectorAll(`g[fill="url(#${hatch})"] rect`)).toHaveLength(2);
    expect(out.svg).toContain(">Secret statistique<");
    expect(out.svg).toContain(">Non disponible<");
    expect(out.table.rows[1]).toEqual(["Maison des solidarités d'Auch", "secret statistique (effectif < 5)"]);
  });

  it("in the choropleth, distinct from missing (light grey) and from every class", () => {
    const out = choropleth(f.choroplethInput);
    const body = parse(out.svg);
    const paths = [...body.querySelectorAll("svg.pt-plot path[fill]")].filter((p) => p.querySelector("title"));
    const fillOf = (name: string) => paths.find((p) => p.querySelector("title")!.textContent!.startsWith(name))!.getAttribute("fill");
    const hatch = body.querySelector("pattern")!.id;
    expect(fillOf("Commune 2")).toBe(`url(#${hatch})`);
    expect(fillOf("Commune 5")).toBe("#E8E8E8");
    const classFills = new Set(paths.map((p) => p.getAttribute("fill")).filter((c) => !c!.startsWith("url(") && c !== "#E8E8E8"));
    expect(classFills.size).toBe(5);
    // Communes are outlined.
    expect(body.querySelector("svg.pt-plot g[stroke]")?.getAttribute("stroke")).toBe("#1A1A1A");
    // The legend names the hatch and the grey.
    expect(out.svg).toMatch(/<\/svg>Secret statistique<\/span>/);
    expect(out.svg).toMatch(/<\/svg>Non disponible<\/span>/);
  });

  it("in a stacked bar, where the hidden part is", () => {
    const out = stackedBar(f.stacked);
    const rects = [...parse(out.svg).querySelectorAll("svg.pt-plot rect")].filter((r) => !r.closest("pattern") && Number(r.getAttribute("y")) < 42);
    const fills = rects.map((r) => r.getAttribute("fill"));
    // Personnes seules, couples sans enfant, avec enfants, then the hidden share, then "Autres".
    expect(fills.slice(0, 5)).toEqual([PARTS[0], PARTS[1], PARTS[2], expect.stringMatching(/^url\(#pt-stacked-/), PARTS[4]]);
  });

  it("in a donut, with the hidden category hatched in the legend", () => {
    const out = donut({ ...f.donutInput, unit: "%", decimals: 1, parts: [{ label: "A", value: f.ok(60) }, { label: "B", value: f.secret }, { label: "C", value: f.ok(30) }] });
    const { patterns, fills } = hatchUse(out.svg);
    expect(fills).toContain(patterns[0]);
    expect(out.svg).toMatch(/<path d="[^"]+" stroke="#767676"[^>]*\/><\/svg>B&#160;: secret statistique|B\u00a0: secret statistique/);
  });
});

const allSecret = (n: number): Value[] => Array.from({ length: n }, () => f.secret);

const everythingSecret: [string, () => ChartOutput][] = [
  ["comparison-bars", () => comparisonBars({ ...f.bars, values: f.bars.values.map((v) => ({ ...v, value: f.secret })) })],
  ["stacked-bar", () => stackedBar({ ...f.stacked, rows: f.stacked.rows.map((r) => ({ ...r, values: allSecret(5) })) })],
  ["donut", () => donut({ ...f.donutInput, parts: f.donutInput.parts.map((p) => ({ ...p, value: f.secret })) })],
  ["pyramid", () => pyramid({ ...f.pyramidInput, epci: { name: "CC", men: allSecret(6), women: allSecret(6) } })],
  ["evolution", () => evolution({ ...f.evolutionRate, series: f.evolutionRate.series.map((s) => ({ ...s, values: allSecret(3) })) })],
  ["choropleth", () => choropleth({ ...f.choroplethInput, communes: f.choroplethInput.communes.map((c) => ({ ...c, value: f.secret })) })],
];

describe.each(everythingSecret)("%s with every value secret", (_, render) => {
  it("still draws a hatched figure that says « secret statistique »", () => {
    const out = render();
    const body = parse(out.svg);
    const svg = body.querySelector("svg.pt-plot")!;
    expect(svg.getAttribute("role")).toBe("img");
    const { patterns, fills } = hatchUse(out.svg);
    expect(patterns.length).toBeGreaterThan(0);
    expect(fills.some((id) => patterns.includes(id))).toBe(true);
    expect(body.textContent).toMatch(/Secret statistique/);
    expect(out.alt).toMatch(/secret statistique/);
    expect(out.svg).not.toMatch(/NaN|⚠/);
    expect(out.table.rows.flat().join(" ")).toMatch(/secret statistique/);
  });
});

describe("missing values are never zero", () => {
  it("in every table cell and text", () => {
    const out = comparisonBars({ ...f.bars, values: [{ name: "CC", level: "epci", value: f.missing }, { name: "Gers", level: "departement", value: f.ok(3) }] });
    expect(out.table.rows[0][1]).toBe("non disponible");
    expect(out.alt).toContain("CC\u00a0: non disponible");
    expect(out.svg).toContain(">Non disponible<");
  });

  it("key figures say the status and its reason", () => {
    const out = keyFigures(
      [{ label: "Taux de pauvreté", unit: "%", decimals: 1, values: [{ name: "CC", level: "epci", value: f.secret }] }],
      { title: "Chiffres clés" },
    );
    expect(out.svg).toContain('<p class="pt-keyfig-value pt-keyfig-value--status">Secret statistique</p>');
    expect(out.svg).toContain('<p class="pt-keyfig-reason">effectif &lt; 5</p>');
    expect(out.alt).toBe("Taux de pauvreté\u00a0: secret statistique.");
  });
});
