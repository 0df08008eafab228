// From a block of the plan to what its component lays out: the chart (from src/charts, escaped there),
// one comparison sentence per indicator, the caption's sources and definition links, the data tables.
import {
  choropleth,
  communeValues,
  comparisonBars,
  donut,
  evolution,
  indicatorTable,
  keyFigures,
  locatorMap,
  locatorOf,
  measureOf,
  pyramid,
  stackedBar,
  tableHtml,
  territoryValues,
  type ChartOutput,
  type DataTable,
} from "../charts";
import { capitalize, colon } from "../charts/common";
import { cellText } from "../charts/table";
import type { Block, Level } from "../declare/schemas";
import { comparisonSentence } from "../format/compare";
import { NBSP } from "../format/number";
import { sourceMention } from "../format/source";
import type { IndicatorModel, PortraitModel, SiteModel, Value } from "../model/types";

export interface BlockContext {
  /** The intermediate level with its article ("la Maison des solidarités"), for the sentences. */
  groupName?: string;
  /** For the locator map: the département's EPCIs (site model) and the URL of their shared map. */
  departement?: { epcis: SiteModel["epcis"]; mapHref: string };
}

export interface DefinitionGroup {
  /** Shared part of the links' names ("0-14 ans" for the pyramid's "hommes", "femmes"). */
  label?: string;
  links: { id: string; text: string }[];
}

export interface BlockView {
  kind: Block["kind"];
  title: string;
  wide: boolean;
  /** The chart's markup: an SVG figure, the key figure cards or, for a table block, the table. */
  html: string;
  /** Text alternative of a drawn chart; none when the markup is already text. */
  alt?: string;
  /** One sentence per indicator, numbers first, for the kinds whose chart does not say it in words. */
  lines: { id: string; text: string }[];
  /** "Source : INSEE, Recensement… , millésime 2021." */
  source: string;
  definitions: DefinitionGroup[];
  /** The data behind the chart (tables markup), for « Voir les données »; empty for a table block. */
  data: string;
}

type Model = PortraitModel;

const valueAt = (ind: IndicatorModel, level: Level): Value => ind.values.find((v) => v.level === level) ?? { status: "missing" };

/** One row per comparison level, EPCI first: the territory's name and each indicator's value there. */
const byLevel = (inds: IndicatorModel[], model: Model) =>
  territoryValues(inds[0], model).map(({ name, level }) => ({ name, level, values: inds.map((ind) => valueAt(ind, level)) }));

const even = <T>(_: T, i: number) => i % 2 === 0;
const odd = <T>(_: T, i: number) => i % 2 === 1;

/** Indicators as rows, every level as a column: the values the chart itself may not show. */
const levelsTable = (caption: string, inds: IndicatorModel[], model: Model, labels?: string[]): DataTable =>
  indicatorTable(
    caption,
    inds.map((ind, i) => ({ ...measureOf(ind), label: labels?.[i] ?? ind.label, values: territoryValues(ind, model) })),
  );

/** The EPCI's value said with its comparisons, or its status in words; after a label when one is given. */
export function indicatorSentence(ind: IndicatorModel, ctx: BlockContext, label?: string): string {
  const sentence = comparisonSentence(ind, { groupName: ctx.groupName }) ?? `${cellText(valueAt(ind, "epci"), ind.unit, ind.decimals)}.`;
  return label ? colon(label, sentence) : capitalize(sentence);
}

/** "Source : INSEE, Recensement de la population 2021, millésime 2021." (each source once). */
export function sourceText(inds: IndicatorModel[]): string {
  const sources = [...new Map(inds.map((i) => [i.provenance.sourceId, i.provenance])).values()];
  const texts = sources.map(sourceMention);
  return `${texts.length > 1 ? "Sources" : "Source"}${NBSP}: ${texts.join(" ; ")}.`;
}

function departementOf(ctx: BlockContext): NonNullable<BlockContext["departement"]> {
  if (!ctx.departement) throw new Error("carte de situation : il manque les intercommunalités du département (modèle du site)");
  return ctx.departement;
}

/** The map's outlines, and who records the CTGs when some EPCI has not signed one. */
function locatorSource(model: Model, ctx: BlockContext): string {
  const ctg = departementOf(ctx).epcis.some((e) => !e.agreement.signed) ? ` ; conventions territoriales globales${NBSP}: ${model.site.publisher}` : "";
  return `Source${NBSP}: découpage intercommunal, millésime ${model.build.cogVintage}${ctg}.`;
}

interface Render {
  chart: (inds: IndicatorModel[], block: Block, model: Model, ctx: BlockContext) => ChartOutput;
  /** Write one sentence per indicator under the chart. */
  sentences?: true;
  /** Add the table of every level's values to the chart's own table. */
  levels?: true;
}

const RENDERS: Record<Block["kind"], Render> = {
  "key-figures": {
    chart: (inds, block, model, ctx) =>
      keyFigures(
        inds.map((ind) => ({ ...measureOf(ind), values: territoryValues(ind, model), rank: ind.rank })),
        { title: block.title, groupName: ctx.groupName },
      ),
  },
  "comparison-bars": {
    chart: ([ind], block, model) => comparisonBars({ ...measureOf(ind), values: territoryValues(ind, model) }, { title: block.title, wide: block.wide }),
    sentences: true,
  },
  "stacked-bar": {
    chart: (inds, block, model) =>
      stackedBar(
        {
          ...measureOf(inds[0]),
          label: block.title,
          categories: inds.map((ind, i) => block.labels?.[i] ?? ind.label),
          rows: byLevel(inds, model),
        },
        { title: block.title, wide: block.wide },
      ),
    sentences: true,
  },
  donut: {
    chart: (inds, block, model) =>
      donut(
        {
          ...measureOf(inds[0]),
          label: block.title,
          territory: model.epci.name,
          parts: inds.map((ind, i) => ({ label: block.labels?.[i] ?? ind.label, value: valueAt(ind, "epci") })),
        },
        { title: block.title },
      ),
    sentences: true,
    levels: true,
  },
  pyramid: {
    // Indicators in (men, women) pairs, youngest first; the département drawn as the reference outline.
    chart: (inds, block, model) => {
      const side = (level: Level) => {
        const row = byLevel(inds, model).find((r) => r.level === level);
        return row && { name: row.name, men: row.values.filter(even), women: row.values.filter(odd) };
      };
      return pyramid(
        {
          ...measureOf(inds[0]),
          label: block.title,
          ageGroups: block.labels ?? inds.filter(even).map((ind) => ind.label),
          epci: side("epci")!,
          reference: side("departement"),
        },
        { title: block.title, wide: block.wide },
      );
    },
    levels: true,
  },
  evolution: {
    chart: (inds, block, model) =>
      evolution(
        {
          ...measureOf(inds[0]),
          label: block.title,
          vintages: inds.map((ind, i) => block.labels?.[i] ?? ind.provenance.vintage),
          series: byLevel(inds, model),
        },
        { title: block.title, wide: block.wide },
      ),
  },
  choropleth: {
    chart: ([ind], block, model) => choropleth(communeValues(ind, model), { title: block.title, wide: block.wide }),
    sentences: true,
    levels: true,
  },
  "locator-map": {
    chart: (_, block, model, ctx) => {
      const { epcis, mapHref } = departementOf(ctx);
      return locatorMap(locatorOf(model, { epcis }, mapHref), { title: block.title, wide: block.wide });
    },
  },
  table: {
    chart: (inds, block, model) => {
      const table = levelsTable(block.title, inds, model, block.labels);
      return { svg: tableHtml(table), title: block.title, alt: "", table };
    },
    sentences: true,
  },
};

/** Definition links: one per indicator, the pyramid's in (men, women) pairs under their age group. */
function definitions(block: Block, inds: IndicatorModel[]): DefinitionGroup[] {
  if (block.kind !== "pyramid" || !block.labels) return inds.map((ind) => ({ links: [{ id: ind.id, text: ind.label }] }));
  return block.labels.map((label, k) => ({
    label,
    links: [
      { id: inds[2 * k].id, text: "hommes" },
      { id: inds[2 * k + 1].id, text: "femmes" },
    ],
  }));
}

export function blockView(block: Block, model: Model, ctx: BlockContext = {}): BlockView {
  const inds = block.indicators.map((id) => {
    const ind = model.indicators[id];
    if (!ind) throw new Error(`bloc « ${block.title} » : l'indicateur ${id} est absent du portrait de ${model.epci.name}`);
    return ind;
  });
  const render = RENDERS[block.kind];
  const chart = render.chart(inds, block, model, ctx);
  // A single indicator is named by the block's title; several are each named before their sentence.
  const label = (ind: IndicatorModel, i: number) => (inds.length > 1 ? (block.labels?.[i] ?? ind.label) : undefined);
  const lines = render.sentences ? inds.map((ind, i) => ({ id: ind.id, text: indicatorSentence(ind, ctx, label(ind, i)) })) : [];
  const textual = block.kind === "key-figures" || block.kind === "table";
  const tables = block.kind === "table" ? [] : [chart.table, ...(render.levels ? [levelsTable(`${block.title}${NBSP}: valeurs par territoire`, inds, model, block.labels)] : [])];
  return {
    kind: block.kind,
    title: block.title,
    wide: block.wide,
    html: chart.svg,
    alt: textual ? undefined : chart.alt,
    lines,
    source: block.kind === "locator-map" ? locatorSource(model, ctx) : sourceText(inds),
    definitions: definitions(block, inds),
    data: tables.map(tableHtml).join(""),
  };
}
