// Quality checks on what was read and computed: join coverage, bounds and vintages.
import type { ComputedIndicators } from "../compute/types";
import type { Indicator, Source } from "../declare/schemas";
import { mainFile } from "../declare/source-files";
import { formulaParts } from "../compute/formula";
import type { SourceTable } from "../read/types";
import type { Territories } from "../territories/types";
import { formatNumber } from "../format/number";
import type { Finding } from "./findings";

const list = (codes: string[], max = 10) =>
  codes.slice(0, max).join(", ") + (codes.length > max ? ` et ${codes.length - max} autres` : "");

/** Every commune of the referential has a row in each commune-level file, and no row is unknown. */
export function checkCoverage(tables: SourceTable[], territories: Territories): Finding[] {
  const known = new Set(territories.communes.map((c) => c.code));
  const findings: Finding[] = [];
  const files = new Set<string>(); // a file several sources read has the same rows for each
  for (const table of tables) {
    const rows = table.rows.filter((r) => r.level === "commune");
    if (rows.length === 0 || files.has(table.file)) continue;
    files.add(table.file);
    const present = new Set(rows.map((r) => r.code));
    const absent = [...known].filter((code) => !present.has(code));
    if (absent.length > 0)
      findings.push({
        rule: "coverage-missing",
        severity: "warning",
        file: table.file,
        message: `${absent.length} commune${absent.length > 1 ? "s" : ""} du territoire sans ligne dans le fichier : ${list(absent)}.`,
        hint: "Leurs valeurs seront « non disponible » et les totaux des EPCI concernés aussi. Vérifiez que le fichier couvre tout le département et le même millésime géographique.",
      });
    for (const row of rows.filter((r) => !known.has(r.code)))
      findings.push({
        rule: "coverage-unknown",
        severity: "warning",
        file: table.file,
        line: row.line,
        territory: row.code,
        message: `Code commune inconnu ou obsolète « ${row.code} » : la ligne est ignorée.`,
        hint: "Si la commune a fusionné, déclarez la correspondance ancien → nouveau code (communeChanges) ; sinon vérifiez le code.",
      });
  }
  return findings;
}

/** Shares above 100 % or below 0, and negative counts, at any level: one finding per indicator and rule. */
export function checkBounds(indicators: Indicator[], computed: ComputedIndicators, territories: Territories): Finding[] {
  const names = new Map(territories.communes.map((c) => [c.code, c.name]));
  const findings: Finding[] = [];
  for (const indicator of indicators) {
    const values = computed.byId.get(indicator.id);
    if (!values) continue;
    const all: [string, { status: string; value?: number }][] = [
      ...[...values.commune].map(([code, v]): [string, typeof v] => [`${names.get(code) ?? code} (${code})`, v]),
      ...[...values.epci].map(([code, v]): [string, typeof v] => [`EPCI ${code}`, v]),
      ["le département", values.departement],
      ["la région", values.region],
      ["la France", values.france],
    ];
    const shown = all.filter(([, v]) => v.status === "ok") as [string, { value: number }][];
    const share = indicator.formula.kind === "share" || indicator.unit === "%";
    // Above 100 % is an inconsistency within one file, but can legitimately happen when a
    // numerator from one producer (rounded to 5, a later vintage) meets another's denominator.
    const oneSource = new Set(Object.values(formulaParts(indicator.formula)).flat().map((ref) => ref.split(".")[0])).size === 1;
    const over = share ? shown.filter(([, v]) => v.value > 100 + 1e-9) : [];
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
    const negative = indicator.formula.kind === "evolution" ? [] : shown.filter(([, v]) => v.value < 0);
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

/** "Béta (00002) : 111,1 %, … et 3 autres". */
function examples(items: [string, { value: number }][], unit: string, max = 5): string {
  const listed = items.slice(0, max).map(([where, v]) => `${where} : ${formatNumber(v.value, 1)}${unit ? `\u00A0${unit}` : ""}`);
  return listed.join(", ") + (items.length > max ? ` et ${items.length - max} autres` : "");
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
