// A commune's sheet as its two printed pages: the map and the first themes' key figures, then its age
// structure and the other themes; each value beside its EPCI's and the references', said numbers first.
import { communeLocator, indicatorTable, pyramid, stackedBar, tableHtml, type ChartOutput, type Measure, type TerritoryValue } from "../charts";
import { colon } from "../charts/common";
import { cellText } from "../charts/table";
import type { Level } from "../declare/schemas";
import { comparisonSentence } from "../format/compare";
import { formatValue } from "../format/value";
import { NBSP } from "../format/number";
import { formatWithUnit } from "../format/unit";
import type { CommuneSheetModel, IndicatorModel, Value } from "../model/types";
import { sourceText } from "./blocks";
import { frenchDate } from "./labels";
import { portraitHref } from "./search";

type Indicator = CommuneSheetModel["indicators"][string];

export interface SheetFigure {
  title: string;
  html: string;
  alt: string;
  /** The data tables behind the figure, for « Voir les données ». */
  data: string;
  source: string;
}

export interface SheetTheme {
  title: string;
  /** Every level's values, one row per indicator. */
  table: string;
  lines: { id: string; text: string }[];
  /** Why some values are not shown, each territory and reason once (the table's cells say only « non disponible »…). */
  notes: string[];
  source: string;
}

export interface CommuneSheetView {
  name: string;
  epci: { name: string; href: string; signed: boolean };
  /** Whether the sheet publishes data (CommuneSheetModel.published). */
  hasData: boolean;
  /** "1 234 habitants · l'une des 12 communes de" (the EPCI's link follows). */
  facts: string;
  published: string;
  fictional: boolean;
  /** The two printed pages; none when the sheet publishes no data. */
  pages: { number: number; title: string; folio: string; figure?: SheetFigure; themes: SheetTheme[] }[];
}

const valueAt = (ind: Indicator, level: Level): Value => ind.values.find((v) => v.level === level) ?? { status: "missing" };

/** The indicator's values, commune first, each with its territory's name. */
function territoryValues(ind: Indicator, model: CommuneSheetModel): TerritoryValue[] {
  return ind.values.map(({ level, code, ...value }) => ({ name: model.territories.find((t) => t.level === level && t.code === code)?.name ?? code, level, value }));
}

const measure = (ind: Indicator) => ({ label: ind.label, unit: ind.unit, decimals: ind.decimals });

/**
 * Why values are not shown, once per territory and reason ("Occitanie : non disponible (le fichier ne
 * couvre que 458 des 4 446 communes de la région)"): in the table's cells, repeated on every row, they
 * made a sheet of the Gers run over its two pages.
 */
function reasons(rows: (Measure & { values: TerritoryValue[] })[]): string[] {
  const notes = rows.flatMap((row) => row.values.flatMap(({ name, value }) => (value.status !== "ok" && value.reason ? [colon(name, cellText(value, row.unit, row.decimals))] : [])));
  return [...new Set(notes)];
}

function theme(model: CommuneSheetModel, { title, indicators }: CommuneSheetModel["themes"][number]): SheetTheme {
  const inds = indicators.map((id) => model.indicators[id]);
  const rows = inds.map((ind) => ({ ...measure(ind), values: territoryValues(ind, model) }));
  return {
    title,
    table: tableHtml(indicatorTable(title, rows, formatValue)),
    notes: reasons(rows),
    lines: inds.map((ind) => ({
      id: ind.id,
      text: colon(ind.label, comparisonSentence(ind as IndicatorModel, { subject: "commune" }) ?? `${cellText(valueAt(ind, "commune"), ind.unit, ind.decimals)}.`),
    })),
    source: sourceText(inds as IndicatorModel[]),
  };
}

const figure = (chart: ChartOutput, data: string, source: string): SheetFigure => ({ title: chart.title, html: chart.svg, alt: chart.alt, data, source });

function locator(model: CommuneSheetModel): SheetFigure | undefined {
  const { commune, epci } = model.maps;
  if (!commune || !epci) return undefined;
  const chart = communeLocator({ commune: { name: model.commune.name, geometry: commune }, epci: { name: model.epci.name, communeCount: model.epci.communeCount, geometry: epci } });
  return figure(chart, tableHtml(chart.table), `Source${NBSP}: découpage communal et intercommunal, millésime ${model.build.cogVintage}.`);
}

/**
 * The commune's age structure: its pyramid over its first reference (its EPCI, or the département when
 * the EPCI publishes nothing and is left out), or its stacked bar above each reference's (the France of
 * its indicators only).
 */
function ageStructure(model: CommuneSheetModel): SheetFigure | undefined {
  const age = model.ageStructure;
  if (!age) return undefined;
  const inds = age.indicators.map((id) => model.indicators[id]);
  const valuesAt = (level: Level) => inds.map((ind) => valueAt(ind, level));
  const side = ({ level, name }: { level: Level; name: string }) => {
    const values = valuesAt(level);
    return { name, men: values.filter((_, i) => i % 2 === 0), women: values.filter((_, i) => i % 2 === 1) };
  };
  const chart =
    age.kind === "pyramid"
      ? pyramid(
          { ...measure(inds[0]), label: age.title, ageGroups: age.labels.length ? age.labels : inds.filter((_, i) => i % 2 === 0).map((i) => i.label), epci: side(model.territories[0]), reference: side(model.territories[1]) },
          { title: age.title },
        )
      : stackedBar(
          { ...measure(inds[0]), label: age.title, categories: inds.map((ind, i) => age.labels[i] ?? ind.label), rows: territoryValues(inds[0], model).map(({ name, level }) => ({ name, level, values: valuesAt(level) })) },
          { title: age.title },
        );
  // The pyramid's table has two territories; stacked bars' has every territory's parts already.
  const levels = () => tableHtml(indicatorTable(`${age.title}${NBSP}: valeurs par territoire`, inds.map((ind) => ({ ...measure(ind), values: territoryValues(ind, model) }))));
  return figure(chart, tableHtml(chart.table) + (age.kind === "pyramid" ? levels() : ""), sourceText(inds as IndicatorModel[]));
}

export function communeSheetView(model: CommuneSheetModel, base: string): CommuneSheetView {
  const themes = model.themes.map((t) => theme(model, t));
  const half = Math.ceil(themes.length / 2);
  return {
    name: model.commune.name,
    epci: { name: model.epci.name, href: portraitHref(base, model.epci.code), signed: model.epci.agreement.signed },
    hasData: model.published,
    facts: `${formatWithUnit(model.commune.population, "habitants", 0)} · l'une des ${model.epci.communeCount} communes de`,
    published: `Publié le ${frenchDate(model.build.date)}`,
    fictional: model.fictional,
    pages: model.published
      ? [
          { number: 1, title: "Situation et chiffres clés", folio: "Page 1 / 2", figure: locator(model), themes: themes.slice(0, half) },
          { number: 2, title: "Âges et chiffres clés (suite)", folio: "Page 2 / 2", figure: ageStructure(model), themes: themes.slice(half) },
        ]
      : [],
  };
}
