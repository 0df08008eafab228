// Vintages of an indicator's variables, so that one catalogue serves every configuration: labels
// say "{vintage}" and each configuration's sources say which year that is.
import type { Indicator, Source } from "../declare/schemas";

const first = (refs: string | string[]) => (Array.isArray(refs) ? refs[0] : refs);

/** The vintage of "source.variable": the column's own, or its source's. */
export function refVintage(ref: string, sources: Map<string, Source>): string | undefined {
  const [sourceId, variable] = ref.split(".");
  const source = sources.get(sourceId);
  const column = source?.columns[variable];
  return typeof column === "object" ? column.vintage : source?.vintage;
}

/** The vintage of what an indicator measures (its value, numerator or end point), and its start for an evolution. */
export function indicatorVintages(indicator: Indicator, sources: Map<string, Source>): { vintage?: string; from?: string } {
  const f = indicator.formula;
  const primary = f.kind === "count" || f.kind === "published" ? f.value : f.kind === "evolution" ? f.to : f.numerator;
  return {
    vintage: refVintage(first(primary), sources),
    ...(f.kind === "evolution" ? { from: refVintage(first(f.from), sources) } : {}),
  };
}

/** Fills "{vintage}" and "{vintage_from}" in a label or a definition. */
export function fillVintages(text: string, vintages: { vintage?: string; from?: string }): string {
  return text.replace(/\{vintage\}/g, vintages.vintage ?? "—").replace(/\{vintage_from\}/g, vintages.from ?? "—");
}
