// Vintages of an indicator's variables, so that one catalogue serves every configuration: labels
// say "{vintage}" and each configuration's sources say which year that is.
import type { Formula, Indicator, Source } from "../declare/schemas";
import { mainFile } from "../declare/source-files";

const first = (refs: string | string[]) => (Array.isArray(refs) ? refs[0] : refs);

/** What a formula measures: its value, its numerator or its end point (the first one of a sum). */
export function primaryRef(f: Formula): string {
  return first(f.kind === "count" || f.kind === "published" ? f.value : f.kind === "evolution" ? f.to : f.numerator);
}

/** The vintage of "source.variable": the column's own, or that of the file giving it. */
export function refVintage(ref: string, sources: Map<string, Source>): string | undefined {
  const file = mainFile(ref, sources.values());
  const column = file?.columns[ref.split(".")[1]];
  return typeof column === "object" ? column.vintage : file?.vintage;
}

/** The vintage of what an indicator measures, and its start for an evolution. */
export function indicatorVintages(indicator: Indicator, sources: Map<string, Source>): { vintage?: string; from?: string } {
  const f = indicator.formula;
  return {
    vintage: refVintage(primaryRef(f), sources),
    ...(f.kind === "evolution" ? { from: refVintage(first(f.from), sources) } : {}),
  };
}

/** Fills "{vintage}" and "{vintage_from}" in a label or a definition. */
export function fillVintages(text: string, vintages: { vintage?: string; from?: string }): string {
  return text.replace(/\{vintage\}/g, vintages.vintage ?? "—").replace(/\{vintage_from\}/g, vintages.from ?? "—");
}
