// The plan init writes: per theme, one page of the repository's plans cut to what the files allow,
// never blocks merged from several pages (each template page is known to fit its A4 sheet).
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { THEMES, portraitPlanSchema, type Block } from "../../src/declare/schemas";
import type { CatalogueIndicator } from "../../src/declare/declarations";
import { planFrom } from "../../src/init/plan";

const templates = ["portraits/gers.yaml", "portraits/demo.yaml"].map((f) => portraitPlanSchema.parse(parse(readFileSync(f, "utf8"))));
const all = templates.flatMap((t) => t.pages.flatMap((p) => p.blocks.flatMap((b) => b.indicators)));
const catalogue = new Map(all.map((id) => [id, { id, theme: "territoire" } as CatalogueIndicator]));
const sameBlock = (a: Block, b: Block) => a.kind === b.kind && a.indicators.every((id) => b.indicators.includes(id));

describe("the plan written by init", () => {
  it("takes each theme's page from one template page, with only computable indicators", () => {
    const computable = new Set(all.filter((_, i) => i % 3 !== 0));
    const { plan, unplaced } = planFrom(templates, catalogue, computable, () => "2022");
    expect(plan.pages.map((p) => p.theme)).toEqual([...THEMES]);
    for (const page of plan.pages) {
      const origin = templates.flatMap((t) => t.pages).filter((p) => p.theme === page.theme && page.blocks.every((b) => p.blocks.some((t) => sameBlock(b, t))));
      expect(origin.length, page.title).toBeGreaterThan(0);
      for (const block of page.blocks) expect(block.indicators.filter((id) => !computable.has(id))).toEqual([]);
    }
    const shown = new Set(plan.pages.flatMap((p) => p.blocks.flatMap((b) => b.indicators)));
    expect(unplaced).toEqual([...computable].filter((id) => !shown.has(id)).sort());
  });

  it("prefers the page that shows more of what the files allow", () => {
    const gersOnly = new Set(templates[0].pages.flatMap((p) => p.blocks.flatMap((b) => b.indicators)));
    const { plan } = planFrom([templates[1], templates[0]], catalogue, gersOnly, () => "2022");
    expect(plan.pages.map((p) => p.title)).toEqual(templates[0].pages.map((p) => p.title));
  });
});
