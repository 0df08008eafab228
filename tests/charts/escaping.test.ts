// Names come from data files: they must reach the page as text, never as markup.
import { describe, expect, it } from "vitest";
import { choropleth, comparisonBars, keyFigures, locatorMap, stackedBar, tableHtml, type ChartOutput } from "../../src/charts";
import { epciMap } from "../../src/charts/epci-map";
import { AMPERSAND, MALICIOUS } from "./fixtures";
import * as f from "./fixtures";
import { parse } from "./helpers";

/** An ampersand that does not start an entity. */
const BARE_AMPERSAND = /&(?!(?:[a-z]+|#\d+|#x[0-9a-f]+);)/i;

const hostile: [string, () => ChartOutput][] = [
  [
    "comparison-bars",
    () =>
      comparisonBars({
        ...f.bars,
        values: [
          { name: MALICIOUS, level: "epci", value: f.ok(3) },
          { name: AMPERSAND, level: "departement", value: f.ok(4) },
        ],
      }),
  ],
  ["stacked-bar", () => stackedBar({ ...f.stacked, categories: [MALICIOUS, AMPERSAND, "c", "d", "e"] })],
  ["choropleth", () => choropleth(f.choroplethInput)],
  ["locator-map", () => locatorMap(f.locatorInput)],
  ["epci-map", () => epciMap(f.epciMapInput)],
  [
    "key-figures",
    () => keyFigures([{ label: MALICIOUS, unit: "%", decimals: 1, values: [{ name: AMPERSAND, level: "epci", value: { status: "secret", reason: AMPERSAND } }] }], { title: MALICIOUS }),
  ],
];

describe.each(hostile)("%s", (_, render) => {
  it("escapes names in the markup and keeps them readable as text", () => {
    const out = render();
    expect(out.svg).not.toContain("<script");
    expect(out.svg).not.toMatch(BARE_AMPERSAND);
    expect(out.svg).toContain("&lt;script&gt;");
    const text = parse(out.svg).textContent!;
    expect(text).toContain(MALICIOUS.slice(0, 12));
    expect(parse(out.svg).querySelectorAll("script")).toHaveLength(0);
  });

  it("escapes the data table markup", () => {
    const html = tableHtml(render().table);
    expect(html).not.toContain("<script");
    expect(html).not.toMatch(BARE_AMPERSAND);
    expect(parse(html).querySelectorAll("tbody tr").length).toBeGreaterThan(0);
  });
});

describe("tableHtml", () => {
  it("writes a caption, column headers and row headers", () => {
    const html = tableHtml({ caption: "Titre", headers: ["Territoire", "Valeur"], rows: [[AMPERSAND, "12,4\u00a0%"]] });
    expect(html).toBe(
      '<table class="pt-table"><caption>Titre</caption><thead><tr><th scope="col">Territoire</th><th scope="col">Valeur</th></tr></thead>' +
        '<tbody><tr><th scope="row">L&#39;Haÿ &amp; &quot;Co&quot;</th><td>12,4\u00a0%</td></tr></tbody></table>',
    );
  });
});
