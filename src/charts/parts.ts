// Parts of a whole (stacked bar, donut): shares in % of the territory's total, with their colours.
import { formatWithUnit } from "../format/unit";
import { formatValue, isShown } from "../format/value";
import type { Value } from "../model/types";
import { capitalize, statusMessage } from "./common";
import { PARTS, textOn } from "./theme";

export interface Segment {
  /** Position of the (first) part in the input. */
  index: number;
  /** Share of the whole, in %. */
  share: number;
  fill: string;
  /** Colour of a label drawn on the segment. */
  ink: string;
  text: string;
  /** The parts that cannot be shown, merged into one hatched segment. */
  hidden: boolean;
}

export function partColours(count: number): string[] {
  if (count > PARTS.length) throw new Error(`${count} catégories : au plus ${PARTS.length} se distinguent (regrouper les autres)`);
  return PARTS.slice(0, count);
}

/** All parts shown: normalised to 100. Some hidden and the unit is %: the published shares, and the hidden
 * ones merged into one hatched remainder up to 100, placed where the first hidden part is. Otherwise
 * (counts with a hidden part, nothing shown) the whole is unknown: undefined. */
export function partsOf(values: Value[], unit: string, decimals: number, hatchFill: string): Segment[] | undefined {
  const colours = partColours(values.length);
  const all = values.every(isShown);
  const total = values.reduce((s, v) => s + (isShown(v) ? v.value : 0), 0);
  if (!(total > 0) || (!all && unit !== "%")) return undefined;
  const firstHidden = values.findIndex((v) => !isShown(v));
  return values.flatMap((v, i): Segment[] => {
    if (i === firstHidden)
      return [{ index: i, share: Math.max(0, 100 - total), fill: hatchFill, ink: "#000000", text: capitalize(statusMessage(values)), hidden: true }];
    if (!isShown(v)) return [];
    const share = all ? (v.value / total) * 100 : v.value;
    // Published percentages keep their own text; other units are shown as their share.
    const text = unit === "%" ? formatValue(v, unit, decimals) : formatWithUnit(share, "%", 0);
    return [{ index: i, share, fill: colours[i], ink: textOn(colours[i]), text, hidden: false }];
  });
}
