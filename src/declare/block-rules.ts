// What each kind of plan block can show: how many indicators, how many labels, what they must share.
import type { BLOCK_KINDS } from "./schemas";

export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface BlockRule {
  min: number;
  max?: number;
  /** Indicators go in (men, women) pairs, one label per pair. Otherwise one label per indicator. */
  pairs?: true;
  /** Drawn on one scale, so one unit. */
  sameUnit?: true;
  /** Drawn commune by commune, so the sources must give commune rows. */
  communes?: true;
  /** Can be drawn for a commune on its sheet (`sheet: true`): one territory's parts, beside its references. */
  sheet?: true;
  /** Shows every level side by side: an indicator published only for the département (a rate of one vintage) has its row. */
  anyLevel?: true;
}

export const BLOCK_RULES: Record<BlockKind, BlockRule> = {
  "key-figures": { min: 1 },
  "comparison-bars": { min: 1, max: 1 },
  "stacked-bar": { min: 2, sameUnit: true, sheet: true },
  donut: { min: 2, sameUnit: true },
  pyramid: { min: 2, pairs: true, sameUnit: true, sheet: true },
  evolution: { min: 2, sameUnit: true },
  // Published indicators are allowed: their commune values may be secret, the map shows it.
  choropleth: { min: 1, max: 1, communes: true },
  "locator-map": { min: 0, max: 0 },
  table: { min: 1, anyLevel: true },
};
