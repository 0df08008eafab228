// A portrait as its six sheets: running header and footer texts, and the blocks of each page.
import { withChartStore } from "../charts";
import { formatWithUnit } from "../format/unit";
import type { PortraitModel } from "../model/types";
import { blockView, type BlockContext, type BlockView } from "./blocks";
import { epciMapHref } from "./epci-map";
import type { BlockSite } from "./frame";
import { frenchDate, natureLabel, withArticle } from "./labels";

export interface PageView {
  number: number;
  title: string;
  intro?: string;
  /** "Page 2 / 6". */
  folio: string;
  /** The producers and vintages of the page's data: "INSEE 2021 · CAF 2023". */
  vintages: string;
  blocks: BlockView[];
}

export interface PortraitView {
  /** "Communauté d'agglomération · 28 communes · 70 984 habitants". */
  facts: string;
  /** "Maison des solidarités de Montfictif", when the portrait compares with such a level. */
  group?: string;
  /** "Publié le 15 janvier 2026" (the build date). */
  published: string;
  /** Alphabetically, each linked to its sheet. */
  communes: { code: string; name: string }[];
  pages: PageView[];
}

/** Each producer of the page's indicators once, in order of appearance, with its vintages: "INSEE 2015, 2021 · CAF 2023". */
export function pageVintages(page: PortraitModel["plan"]["pages"][number], model: PortraitModel): string {
  const vintages = new Map<string, Set<string>>();
  for (const id of page.blocks.flatMap((b) => b.indicators)) {
    const p = model.indicators[id]?.provenance;
    if (p) vintages.set(p.producer, (vintages.get(p.producer) ?? new Set()).add(p.vintage));
  }
  if (!vintages.size) return `Référentiel géographique ${model.build.cogVintage}`;
  return [...vintages].map(([producer, v]) => `${producer} ${[...v].sort().join(", ")}`).join(" · ");
}

/** What the blocks take from the site model: the group level's name, the département's EPCIs and their map. */
export function blockContext(site: BlockSite): BlockContext {
  return {
    ...(site.groupLevelName ? { groupName: withArticle(site.groupLevelName) } : {}),
    departement: { epcis: site.epcis, mapHref: epciMapHref(site) },
  };
}

/** The view of a portrait, its charts read from and kept in the chart cache's file of this EPCI. */
export function portraitView(model: PortraitModel, ctx: BlockContext): PortraitView {
  return withChartStore(model.epci.code, () => view(model, ctx));
}

function view(model: PortraitModel, ctx: BlockContext): PortraitView {
  const count = model.plan.pages.length;
  const communes = model.epci.communes.length;
  return {
    facts: [
      natureLabel(model.epci.nature),
      `${communes} commune${communes > 1 ? "s" : ""}`,
      formatWithUnit(model.epci.population, "habitants", 0),
    ].join(" · "),
    group: model.territories.find((t) => t.level === "group")?.name,
    published: `Publié le ${frenchDate(model.build.date)}`,
    communes: model.epci.communes.map(({ code, name }) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, "fr")),
    pages: model.plan.pages.map((page) => ({
      number: page.number,
      title: page.title,
      intro: page.intro,
      folio: `Page ${page.number} / ${count}`,
      vintages: pageVintages(page, model),
      blocks: page.blocks.map((block) => blockView(block, model, ctx)),
    })),
  };
}
