// The formula of an indicator in words, for the methods page and downloads.
import type { Formula } from "../declare/schemas";

const sum = (refs: string | string[]) => (Array.isArray(refs) ? (refs.length > 1 ? `(${refs.join(" + ")})` : refs[0]) : refs);

export function describeFormula(formula: Formula): string {
  switch (formula.kind) {
    case "count":
      return `effectif : ${sum(formula.value)}`;
    case "published":
      return `valeur publiée par le producteur : ${formula.value}`;
    case "share":
      return `${sum(formula.numerator)} / ${sum(formula.denominator)} × 100`;
    case "rate":
      return `${sum(formula.numerator)} / ${sum(formula.denominator)} × ${formula.per}`;
    case "density":
      return `${sum(formula.numerator)} / ${sum(formula.area)} (km²)`;
    case "evolution":
      return `taux annuel moyen : (${sum(formula.to)} / ${sum(formula.from)})^(1/${formula.years}) − 1`;
  }
}
