// Data tables: the accessible alternative of every chart, and the "table" block itself.
import { escapeHtml } from "../format/text";
import { formatValue } from "../format/value";
import type { Value } from "../model/types";
import type { DataTable, Measure, TerritoryValue } from "./types";

/** A table cell: the value, or its status with the producer's reason ("secret statistique (effectif < 5)"). */
export function cellText(v: Value, unit: string, decimals: number): string {
  const text = formatValue(v, unit, decimals);
  return v.status !== "ok" && v.reason ? `${text} (${v.reason})` : text;
}

/** Indicators as rows, territories as columns (the "table" block and the key figures' alternative); `cell` writes each value. */
export function indicatorTable(caption: string, indicators: (Measure & { values: TerritoryValue[] })[], cell = cellText): DataTable {
  // A column per territory: France entière and France métropolitaine are two (their values are not comparable).
  const same = (a: TerritoryValue, b: TerritoryValue) => a.level === b.level && a.name === b.name;
  const columns: TerritoryValue[] = [];
  for (const ind of indicators) for (const v of ind.values) if (!columns.some((c) => same(c, v))) columns.push(v);
  return {
    caption,
    headers: ["Indicateur", ...columns.map((c) => c.name)],
    rows: indicators.map((ind) => [
      ind.label,
      ...columns.map((c) => {
        const v = ind.values.find((x) => same(x, c));
        return v ? cell(v.value, ind.unit, ind.decimals) : "—";
      }),
    ]),
  };
}

/** <table> markup with a caption and header scopes; the first column heads its row. */
export function tableHtml(table: DataTable): string {
  const head = table.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const body = table.rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join("")}</tr>`)
    .join("");
  return `<table class="pt-table"><caption>${escapeHtml(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
