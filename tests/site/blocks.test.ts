import { describe, expect, it } from "vitest";
import type { Block } from "../../src/declare/schemas";
import { buildPortrait, buildSite } from "../../src/model/build";
import { blockView, indicatorSentence, sourceText } from "../../src/site/blocks";
import { epciMapHref } from "../../src/site/epci-map";
import { blockContext, pageVintages, portraitView } from "../../src/site/portrait";
import { parse } from "../charts/helpers";
import { departementOf } from "../model/departement";
import { portrait, PYRAMID_IDS, site } from "./fixtures";

const ctx = blockContext(site);
const block = (kind: Block["kind"], indicators: string[], extra: Partial<Block> = {}): Block => ({ kind, title: "Titre du bloc", indicators, wide: false, ...extra });

describe("comparison sentences", () => {
  it("start with the number and name the group level with its article", () => {
    expect(indicatorSentence(portrait.indicators.part, ctx)).toBe(
      "12,4\u00a0%, soit 2,1\u00a0points de plus que la Maison des solidarités, 2,1\u00a0points de plus que le département, 1,4\u00a0point de plus que la région et à peu près autant que la France.",
    );
  });

  it("say a secret value in words, with its reason, never as a number", () => {
    expect(indicatorSentence(portrait.indicators.secret, ctx)).toBe("Secret statistique (effectif inférieur à 5).");
    expect(indicatorSentence(portrait.indicators.secret, ctx, "Part")).toBe("Part\u00a0: secret statistique (effectif inférieur à 5).");
  });
});

describe("block views", () => {
  it("give a chart, one sentence per indicator, the source with its vintage and the definition link", () => {
    const view = blockView(block("comparison-bars", ["part"]), portrait, ctx);
    expect(parse(view.html).querySelector("svg.pt-plot")!.getAttribute("role")).toBe("img");
    expect(view.alt).toContain("CC du Bas-Armagnac");
    expect(view.lines).toEqual([{ id: "part", text: indicatorSentence(portrait.indicators.part, ctx) }]);
    expect(view.source).toBe("Source\u00a0: INSEE, INSEE 2021, bases communales, millésime 2021.");
    expect(view.definitions).toEqual([{ links: [{ id: "part", text: "Libellé part" }] }]);
    expect(parse(view.data).querySelector("table caption")!.textContent).toBe("Titre du bloc");
  });

  it("name each of several indicators before its sentence, and each source once", () => {
    const view = blockView(block("table", ["part", "secret", "caf"], { labels: ["A", "B", "C"] }), portrait, ctx);
    expect(view.lines.map((l) => l.text.split("\u00a0:")[0])).toEqual(["A", "B", "C"]);
    expect(view.source).toBe("Sources\u00a0: INSEE, INSEE 2021, bases communales, millésime 2021 ; CAF, CAF 2023, bases communales, millésime 2023.");
    // A table block is its own data: visible, not repeated under « Voir les données ».
    expect(parse(view.html).querySelectorAll("tbody tr")).toHaveLength(3);
    expect(view.data).toBe("");
    expect(view.alt).toBeUndefined();
  });

  it("add the values of every level under a chart that shows only the EPCI", () => {
    const view = blockView(block("donut", ["part", "caf"]), portrait, ctx);
    const captions = [...parse(view.data).querySelectorAll("caption")].map((c) => c.textContent);
    expect(captions).toEqual(["Titre du bloc, CC du Bas-Armagnac", "Titre du bloc\u00a0: valeurs par territoire"]);
  });

  it("pair the pyramid's definitions by age group, and write no sentence per age group", () => {
    const view = blockView(block("pyramid", PYRAMID_IDS, { labels: ["0-14 ans", "15-29 ans"] }), portrait, ctx);
    expect(view.definitions).toEqual([
      { label: "0-14 ans", links: [{ id: "h_0014", text: "hommes" }, { id: "f_0014", text: "femmes" }] },
      { label: "15-29 ans", links: [{ id: "h_1529", text: "hommes" }, { id: "f_1529", text: "femmes" }] },
    ]);
    expect(view.lines).toEqual([]);
  });

  it("draw the locator over the département's shared map, sourced from the geographic referential", () => {
    const view = blockView(block("locator-map", []), portrait, ctx);
    expect(parse(view.html).querySelector("svg.pt-plot image")!.getAttribute("href")).toBe(epciMapHref(site));
    expect(epciMapHref(site)).toMatch(/^\/carte-intercommunalites\.svg\?v=[0-9a-f]{12}$/);
    expect(view.alt).toBe("Carte des 2 intercommunalités du département, CC du Bas-Armagnac mise en évidence (CTG signée). Autres intercommunalités sans CTG signée\u00a0: CC du Val.");
    expect(view.source).toBe("Source\u00a0: découpage intercommunal, millésime COG 2024 ; conventions territoriales globales\u00a0: GIP test.");
    const allSigned = blockContext({ ...site, epcis: site.epcis.map((e) => ({ ...e, agreement: { signed: true } })) });
    expect(blockView(block("locator-map", []), portrait, allSigned).source).toBe("Source\u00a0: découpage intercommunal, millésime COG 2024.");
    expect(view.definitions).toEqual([]);
    expect(() => blockView(block("locator-map", []), portrait, { groupName: "la Maison" })).toThrow(/intercommunalités du département/);
  });

  it("keep a portrait the same size however many EPCIs the département has", () => {
    const size = (epcis: number) => {
      const input = departementOf(epcis);
      const model = buildPortrait(input, input.territories.epcis[4]);
      const view = portraitView(model, blockContext(buildSite(input)));
      return view.pages.flatMap((p) => p.blocks).reduce((sum, b) => sum + b.html.length + b.data.length + (b.alt?.length ?? 0), 0);
    };
    const [small, france] = [size(15), size(1255)];
    expect(small).toBeGreaterThan(3000);
    // Only numbers differ (counts of EPCIs, rank): nothing is listed or drawn per other EPCI.
    expect(Math.abs(france - small)).toBeLessThan(100);
  });

  it("escape names coming from the data in the chart markup", () => {
    const view = blockView(block("choropleth", ["part"]), portrait, ctx);
    expect(view.html + view.data).not.toContain("<script>");
    expect(view.data).toContain("&lt;script&gt;");
  });

  it("refuse an indicator the portrait does not have", () => {
    expect(() => blockView(block("table", ["absent"]), portrait, ctx)).toThrow(/absent/);
  });

  it("name each producer once per page, with its vintages, for the running footer", () => {
    const page = { ...portrait.plan.pages[0], blocks: [block("table", ["part", "caf", "secret"])] };
    expect(pageVintages(page, portrait)).toBe("INSEE 2021 · CAF 2023");
    expect(pageVintages({ ...page, blocks: [block("locator-map", [])] }, portrait)).toBe("Référentiel géographique COG 2024");
    const older = { ...portrait, indicators: { ...portrait.indicators, secret: { ...portrait.indicators.secret, provenance: { ...portrait.indicators.part.provenance, vintage: "2015" } } } };
    expect(pageVintages(page, older)).toBe("INSEE 2015, 2021 · CAF 2023");
  });
});

describe("portrait view", () => {
  it("numbers the six pages and introduces the territory", () => {
    const view = portraitView(portrait, ctx);
    expect(view.pages.map((p) => p.folio)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Page ${n} / 6`));
    expect(view.facts).toBe("Communauté de communes · 2 communes · 12\u202f345\u00a0habitants");
    expect(view.group).toBe("Maison des solidarités d'Eauze");
    expect(view.published).toBe("Publié le 15 janvier 2026");
    expect(view.communes.map((c) => c.name)).toEqual(["<script>alert(1)</script>", "Zèbre"]);
    expect(view.communes.find((c) => c.name === "Zèbre")?.code).toBe("32001");
  });
});
