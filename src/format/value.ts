// A model Value as text: a status that is not "ok" is said in words, never shown as 0.
import type { Value, ValueStatus } from "../model/types";
import { formatWithUnit } from "./unit";

export const STATUS_TEXT: Record<Exclude<ValueStatus, "ok">, string> = {
  secret: "secret statistique",
  missing: "non disponible",
  "not-applicable": "non disponible à cette échelle",
};

/** True when the value can be drawn and compared. */
export function isShown(v: Value | undefined): v is Value & { value: number } {
  return v?.status === "ok" && typeof v.value === "number" && Number.isFinite(v.value);
}

/** "12,4 %", or the status in words. An "ok" value without a number counts as missing. */
export function formatValue(v: Value, unit: string, decimals: number): string {
  if (isShown(v)) return formatWithUnit(v.value, unit, decimals);
  return STATUS_TEXT[v.status === "ok" ? "missing" : v.status];
}
