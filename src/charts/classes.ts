// Colour classes of a choropleth: quantile thresholds rounded to the displayed decimals, so a commune
// shown as "12,3 %" falls in the class whose legend says "de 12,3 % à moins de 15,6 %".
import { roundTo } from "../format/number";
import { formatWithUnit } from "../format/unit";
import { SEQUENTIAL } from "./theme";

export interface Classes {
  thresholds: number[];
  colours: string[];
  labels: string[];
  classOf: (v: number) => number;
}

/** Linear-interpolated quantile of sorted numbers. */
function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

/** Up to `n` quantile classes of the shown values (fewer when values repeat), or the given thresholds. */
export function classify(values: number[], unit: string, decimals: number, n = 5, fixed?: number[]): Classes {
  const sorted = values.map((v) => roundTo(v, decimals)).sort((a, b) => a - b);
  const [min, max] = [sorted[0], sorted[sorted.length - 1]];
  const candidates = fixed ?? Array.from({ length: n - 1 }, (_, i) => roundTo(quantile(sorted, (i + 1) / n), decimals));
  const thresholds = [...new Set(candidates)].filter((t) => t > min && t <= max).sort((a, b) => a - b);
  const k = thresholds.length + 1;
  if (k > SEQUENTIAL.length) throw new Error(`${k} classes : au plus ${SEQUENTIAL.length}`);
  // Spread the classes over the whole light-to-dark range.
  const colours = Array.from({ length: k }, (_, i) => SEQUENTIAL[k === 1 ? 2 : Math.round((i * (SEQUENTIAL.length - 1)) / (k - 1))]);
  const f = (v: number) => formatWithUnit(v, unit, decimals);
  const labels =
    k === 1
      ? [min === max ? f(min) : `de ${f(min)} à ${f(max)}`]
      : thresholds.map((t, i) => (i === 0 ? `moins de ${f(t)}` : `de ${f(thresholds[i - 1])} à moins de ${f(t)}`)).concat(`${f(thresholds[k - 2])} ou plus`);
  const classOf = (v: number) => {
    const r = roundTo(v, decimals);
    return thresholds.filter((t) => r >= t).length;
  };
  return { thresholds, colours, labels, classOf };
}
