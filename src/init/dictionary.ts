// Labels of INSEE variables from the dossier complet's dictionary (meta_dossier_complet.csv: code,
// label, theme, source), when the data folder holds it. Its codes carry its own census vintage
// (P21_POP): a column of another vintage (P22_POP) takes the label of the same stem, its year changed.
import type { InspectedTable } from "./inspect";

export type Labels = (column: string) => string | undefined;

export function dictionaryLabels(table: InspectedTable | undefined): Labels {
  if (!table) return () => undefined;
  const codes = table.values.get("COD_VAR") ?? [];
  const long = table.values.get("LIB_VAR_LONG") ?? table.values.get("LIB_VAR") ?? [];
  const labels = new Map<string, string>();
  codes.forEach((code, i) => {
    const label = String(long[i] ?? "").trim();
    if (code && label && !labels.has(String(code))) labels.set(String(code), label);
  });
  const own = /^P(\d{2})_POP$/.exec([...labels.keys()].find((c) => /^P\d{2}_POP$/.test(c)) ?? "")?.[1];
  return (column) => {
    const exact = labels.get(column);
    if (exact || !own) return exact;
    const digits = /^[PC](\d{2})_/.exec(column)?.[1];
    if (!digits) return undefined;
    const label = labels.get(column.replace(/^([PC])\d{2}_/, `$1${own}_`));
    return label?.replaceAll(`20${own}`, `20${digits}`);
  };
}
