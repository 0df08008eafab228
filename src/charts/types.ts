// What every chart function returns and the plain slices of the model they take.
import type { Level } from "../declare/schemas";
import type { Value } from "../model/types";

/** A chart's data table, already formatted in French: the accessible alternative to the figure. */
export interface DataTable {
  caption: string;
  headers: string[];
  rows: string[][];
}

export interface ChartOutput {
  /** The figure's markup (an <svg>, possibly with an HTML legend, wrapped in a <div class="pt-chart">). */
  svg: string;
  title: string;
  /** French text alternative summarising the data, numbers included. */
  alt: string;
  table: DataTable;
}

export interface ChartOptions {
  /** Visible title; the indicator label by default. */
  title?: string;
  /** Full text width (~700 px) instead of a half column (~330 px). */
  wide?: boolean;
}

/** One territory's value of one indicator. */
export interface TerritoryValue {
  name: string;
  level: Level;
  value: Value;
}

/** What the figure measures. */
export interface Measure {
  label: string;
  unit: string;
  decimals: number;
}
