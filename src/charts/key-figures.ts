// Key figure cards: plain HTML (a big number needs no SVG), each with its comparisons in words.
import { comparisonClauses, rankPhrase, type ReferenceValue } from "../format/compare";
import { escapeHtml } from "../format/text";
import { formatValue, isShown } from "../format/value";
import { capitalize, colon, wrap } from "./common";
import { indicatorTable } from "./table";
import type { ChartOutput, Measure, TerritoryValue } from "./types";

export interface KeyFigureInput extends Measure {
  /** EPCI first, then the references. */
  values: TerritoryValue[];
  /** The EPCI's rank in the département (IndicatorModel.rank): the comparison that counts can have. */
  rank?: { rank: number; of: number };
}

export interface KeyFiguresOptions {
  title: string;
  /** The group level with its article, e.g. "la Maison des solidarités". */
  groupName?: string;
}

export function keyFigures(inputs: KeyFigureInput[], options: KeyFiguresOptions): ChartOutput {
  const cards = inputs.map((ind) => {
    const epci = ind.values.find((v) => v.level === "epci");
    if (!epci) throw new Error(`chiffre clé « ${ind.label} » : pas de valeur pour l'EPCI`);
    const refs: ReferenceValue[] = ind.values.filter((v) => v !== epci);
    const clauses = comparisonClauses(epci.value, refs, ind.unit, ind.decimals, options.groupName);
    if (ind.rank && isShown(epci.value)) clauses.push(rankPhrase(ind.rank));
    const value = (isShown(epci.value) && epci.value.approximate ? "environ " : "") + formatValue(epci.value, ind.unit, ind.decimals);
    return { ind, epci, value, clauses };
  });
  const html = cards
    .map(({ ind, epci, value, clauses }) => {
      const status = isShown(epci.value) ? "" : " pt-keyfig-value--status";
      const reason = !isShown(epci.value) && epci.value.reason ? `<p class="pt-keyfig-reason">${escapeHtml(epci.value.reason)}</p>` : "";
      const list = clauses.length ? `<ul class="pt-keyfig-compare">${clauses.map((c) => `<li>${escapeHtml(c)}</li>`).join("")}</ul>` : "";
      return `<div class="pt-keyfig"><p class="pt-keyfig-value${status}">${escapeHtml(capitalize(value))}</p><p class="pt-keyfig-label">${escapeHtml(ind.label)}</p>${reason}${list}</div>`;
    })
    .join("");
  const alt = cards.map(({ ind, value, clauses }) => `${colon(ind.label, value)}${clauses.length ? `, soit ${clauses.join(", ")}` : ""}.`).join(" ");
  return {
    svg: wrap("keyfigures", `<div class="pt-keyfigs">${html}</div>`),
    title: options.title,
    alt,
    table: indicatorTable(options.title, inputs),
  };
}
