// Chart functions: plain slices of the portrait model in, { svg, title, alt, table } out.
// Pages: put chartStyles() once in <head> (Plot's CSS is removed from each chart), insert `svg` with
// set:html inside a <figure> whose visible title is `title`, and tableHtml(table) in a <details> after it.
export type { ChartOptions, ChartOutput, DataTable, Measure, TerritoryValue } from "./types";
export { keyFigures, type KeyFigureInput, type KeyFiguresOptions } from "./key-figures";
export { comparisonBars, type ComparisonBarsInput } from "./comparison-bars";
export { stackedBar, type StackedBarInput } from "./stacked-bar";
export { donut, type DonutInput } from "./donut";
export { pyramid, type PyramidInput, type PyramidSide } from "./pyramid";
export { evolution, type EvolutionInput } from "./evolution";
export { choropleth, type ChoroplethInput, type ChoroplethOptions } from "./choropleth";
export { locatorMap, type LocatorInput } from "./locator-map";
export { indicatorTable, tableHtml } from "./table";
export { communeValues, locatorOf, measureOf, territoryValues } from "./inputs";
export { chartStyles } from "./styles";
