// CSV as French spreadsheets open it: UTF-8 with BOM, ";" separator, decimal comma.
import { COLUMNS, type DataRow } from "./rows";

const cell = (v: string | number | null): string => {
  if (v === null) return "";
  if (typeof v === "number") return String(Math.round(v * 1e6) / 1e6).replace(".", ",");
  return /[";\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

export function toCsv(rows: DataRow[]): string {
  const lines = [COLUMNS.join(";"), ...rows.map((row) => COLUMNS.map((c) => cell(row[c])).join(";"))];
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
