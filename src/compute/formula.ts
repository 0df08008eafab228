// Turning formula components into an indicator value. Ratios are computed from summed
// numerators and denominators, never averaged from commune ratios.
import type { Formula } from "../declare/schemas";
import type { Value } from "../model/types";
import { combine, type Component } from "./components";

/** The component references of a formula, by role, in a fixed order. */
export function formulaParts(formula: Formula): Record<string, string | string[]> {
  switch (formula.kind) {
    case "count":
    case "published":
      return { value: formula.value };
    case "share":
    case "rate":
      return { numerator: formula.numerator, denominator: formula.denominator };
    case "density":
      return { numerator: formula.numerator, denominator: formula.area };
    case "evolution":
      return { numerator: formula.to, denominator: formula.from };
  }
}

function notOk(part: Component): Value {
  return { status: part.status === "secret" ? "secret" : "missing", ...(part.reason ? { reason: part.reason } : {}) };
}

export function evaluate(formula: Formula, parts: Record<string, Component>): Value {
  if ("value" in parts) {
    const part = parts.value;
    if (part.status !== "ok") return notOk(part);
    return withFlags(fromNumbers(formula, part.value!), part);
  }
  const { numerator, denominator } = parts;
  const both = combine([numerator, denominator]);
  if (both.status !== "ok") return notOk(both);
  const value = fromNumbers(formula, numerator.value!, denominator.value!);
  return value.status === "ok" ? withFlags(value, both) : value;
}

/** The value of a formula whose components are all known: `den` for a ratio only. */
export function fromNumbers(formula: Formula, num: number, den?: number): Value {
  if (den === undefined) return { status: "ok", value: num };
  if (den === 0) return { status: "missing", reason: "dénominateur nul" };
  const value = ratio(formula, num, den);
  if (value === undefined) return { status: "missing", reason: "évolution incalculable (effectif nul)" };
  return { status: "ok", value, numerator: num, denominator: den };
}

function ratio(formula: Formula, num: number, den: number): number | undefined {
  switch (formula.kind) {
    case "share":
      return (num / den) * 100;
    case "rate":
      return (num / den) * formula.per;
    case "density":
      return num / den;
    case "evolution":
      return num <= 0 ? undefined : ((num / den) ** (1 / formula.years) - 1) * 100;
    default:
      throw new Error(`formule sans ratio : ${formula.kind}`);
  }
}

/** The value with the part's flags, if any, added last (values are many: no spread of temporary objects). */
function withFlags(value: Value, part: Component): Value {
  if (part.approximate) value.approximate = true;
  if (part.reason) value.reason = part.reason;
  return value;
}
