// Quality checks on what was read and computed: join coverage, bounds and vintages.
import type { ComputedIndicators } from "../compute/types";
import { eachValue } from "../compute/values";
import type { Indicator, Source } from "../declare/schemas";
import type { Value } from "../model/types";
import { mainFile } from "../declare/source-files";
import { formulaParts } from "../compute/formula";
import type { Territories } from "../territories/types";
import { formatNumber } from "../format/number";
import type { Finding } from "./findings";

/** Shares above 100 % or below 0, and negative counts, at any level: one finding per indicator and rule. */
export function checkBounds(indicators: Indicator[], computed: ComputedIndicators, territories: Territories): Finding[] {
  const names = new Map(territories.communes.map((c) => [c.code, c.name]));
  const findings: Finding[] = [];
  for (const indicator of indicators) {
    const values = computed.byId.get(indicator.id);
    if (!values) continue;
    const share = indicator.formula.kind === "share" || indicator.unit === "%";
    const signed = indicator.formula.kind === "evolution";
    const over: Example[] = [];
    const negative: Example[] = [];
    // Every value is looked at, but only those out of bounds are named (a label per commune is costly).
    const look = (value: Readonly<Value>, where: () => string) => {
      if (value.status !== "ok") return;
      if (share && value.value! > 100 + 1e-9) over.push([where(), value.value!]);
      if (!signed && value.value! < 0) negative.push([where(), value.value!]);
    };
    eachValue(values.commune, (v, code) => look(v, () => `${names.get(code) ?? code} (${code})`));
    for (const [code, v] of values.epci) look(v, () => `EPCI ${code}`);
    look(values.departement, () => "le département");
    look(values.region, () => "la région");
    look(values.france, () => "la France");
    // Above 100 % is an inconsistency within one file, but can legitimately happen when a
    // numerator from one producer (rounded to 5, a later vintage) meets another's denominator.
    const oneSource = new Set(Object.values(formulaParts(indicator.formula)).flat().map((ref) => ref.split(".")[0])).size === 1;
    if (over.length > 0)
      findings.push({
        rule: "bounds-share",
        severity: oneSource ? "error" : "warning",
        indicator: indicator.id,
        message: `${indicator.label} dépasse 100 % pour ${examples(over, "%")} : un taux ne peut dépasser 100 %.`,
        hint: oneSource
          ? "Vérifiez que le numérateur est bien une partie du dénominateur (mêmes champ et millésime) et les colonnes déclarées."
          : "Numérateur et dénominateur viennent de producteurs différents (effectifs arrondis, autres millésimes) : vérifiez ces communes, ou acceptez l'écart.",
      });
    if (negative.length > 0)
      findings.push({
        rule: "bounds-negative",
        severity: "error",
        indicator: indicator.id,
        message: `${indicator.label} est négatif pour ${examples(negative, "")}.`,
        hint: "Un effectif ou un taux ne peut être négatif : vérifiez le fichier source.",
      });
  }
  return findings;
}

/** Where a value is out of bounds, and the value. */
type Example = [string, number];

/** "Béta (00002) : 111,1 %, … et 3 autres". */
function examples(items: Example[], unit: string, max = 5): string {
  const listed = items.slice(0, max).map(([where, value]) => `${where} : ${formatNumber(value, 1)}${unit ? `\u00A0${unit}` : ""}`);
  return listed.join(", ") + (items.length > max ? ` et ${items.length - max} autres` : "");
}

/**
 * Where a producer publishes its own value for a reference territory and the file's communes also
 * sum to it, the two must agree: a gap beyond 1 % means the file is incomplete, of another
 * geography, or the declared column is not the same quantity.
 */
export function checkReferences(indicators: Indicator[], computed: ComputedIndicators, territories: Territories): Finding[] {
  const names = { departement: territories.departement.name, region: territories.region.name, france: "la France" };
  return indicators.flatMap((indicator) =>
    (computed.byId.get(indicator.id)?.referenceChecks ?? [])
      .filter(({ producer, sum }) => Math.abs(sum - producer) > 0.01 * Math.abs(producer))
      .map(({ level, producer, sum }): Finding => ({
        rule: "reference-sum",
        severity: "warning",
        indicator: indicator.id,
        message: `${indicator.label}, ${names[level]} : la somme des communes (${formatNumber(sum, indicator.decimals)}) s'écarte de ${formatNumber((100 * (sum - producer)) / producer, 1)} % de la valeur publiée par le producteur (${formatNumber(producer, indicator.decimals)}).`,
        hint: "Vérifiez que le fichier des communes est complet et de la même géographie que la ligne du producteur ; la valeur retenue est celle que déclare references (producer par défaut).",
      })),
  );
}

/** Indicators whose parts come from different vintages: legitimate, but the reader must know. */
export function checkVintages(indicators: Indicator[], sources: Map<string, Source>): Finding[] {
  const mixed = indicators.filter((indicator) => {
    // The files behind the refs: one logical source may span files of different vintages.
    const refs = Object.values(formulaParts(indicator.formula)).flat();
    return new Set(refs.map((ref) => mainFile(ref, sources.values())?.vintage).filter((v) => v !== undefined)).size > 1;
  });
  if (mixed.length === 0) return [];
  return [
    {
      rule: "vintage-mix",
      severity: "info",
      message: `${mixed.length} indicateur${mixed.length > 1 ? "s rapportent" : " rapporte"} des données de millésimes différents : ${mixed.map((i) => i.label).join(", ")}.`,
      hint: "Chaque portrait affiche le millésime de chaque source ; ajoutez une note à l'indicateur si l'écart gêne la lecture.",
    },
  ];
}
