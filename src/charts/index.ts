// Chart functions: plain slices of the portrait model in, { svg, title, alt, table } out.
// Pages: put chartStyles() once in <head> (Plot's CSS is removed from each chart), insert `svg` with
// set:html inside a <figure> whose visible title is `title`, and tableHtml(table) in a <details> after it.
import { cached } from "./cache";
import { choropleth as drawChoropleth } from "./choropleth";
import { communeLocator as drawCommuneLocator } from "./commune-locator";
import { comparisonBars as drawComparisonBars } from "./comparison-bars";
import { donut as drawDonut } from "./donut";
import { evolution as drawEvolution } from "./evolution";
import { keyFigures as drawKeyFigures } from "./key-figures";
import { locatorMap as drawLocatorMap } from "./locator-map";
import { pyramid as drawPyramid } from "./pyramid";
import { stackedBar as drawStackedBar } from "./stacked-bar";

export type { ChartOptions, ChartOutput, DataTable, Measure, TerritoryValue } from "./types";
export type { KeyFigureInput, KeyFiguresOptions } from "./key-figures";
export type { ComparisonBarsInput } from "./comparison-bars";
export type { StackedBarInput } from "./stacked-bar";
export type { DonutInput } from "./donut";
export type { PyramidInput, PyramidSide } from "./pyramid";
export type { EvolutionInput } from "./evolution";
export type { ChoroplethInput, ChoroplethOptions } from "./choropleth";
export type { LocatorInput } from "./locator-map";
export { indicatorTable, tableHtml } from "./table";
export { communeValues, locatorOf, measureOf, territoryValues } from "./inputs";
export { chartStyles } from "./styles";
export { drawing, withChartStore } from "./cache";

// Each drawn once per content, then read back from the chart cache when the build has one (cache.ts).
export const keyFigures = cached("key-figures", drawKeyFigures);
export const comparisonBars = cached("comparison-bars", drawComparisonBars);
export const stackedBar = cached("stacked-bar", drawStackedBar);
export const donut = cached("donut", drawDonut);
export const pyramid = cached("pyramid", drawPyramid);
export const evolution = cached("evolution", drawEvolution);
export const choropleth = cached("choropleth", drawChoropleth);
export const locatorMap = cached("locator-map", drawLocatorMap);
export const communeLocator = cached("commune-locator", drawCommuneLocator);
