// Quality checks on what was read and computed: join coverage, bounds and vintages.
import type { ComputedIndicators } from "../compute/types";
import type { Indicator, Source } from "../declare/schemas";
import { formulaParts } from "../compute/formula";
import type { SourceTable } from "../read/types";
import type { Territories } from "../territories/types";
import type { Finding } from "./findings";

const list = (codes: string[], max = 10) =>
  codes.slice(0, max).join(", ") + (codes.length > max ? ` et ${codes.length - max} autres` : "");

/** Every commune of the referential has a row in each commune-level file, and no row is unknown. */
export function checkCoverage(tables: SourceTable[], territories: Territories): Finding[] {
  const known = new Set(territories.communes.map((c) => c.code));
  const findings: Finding[] = [];
  for (const table of tables) {
    const rows = table.rows.filter((r) => r.level === "commune");
    if (rows.length === 0) continue;
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

/** Shares above 100 % or below 0, and negative counts, at any level. */
export function checkBounds(indicators: Indicator[], computed: ComputedIndicators): Finding[] {
  const findings: Finding[] = [];
  for (const indicator of indicators) {
    const values = computed.byId.get(indicator.id);
    if (!values) continue;
    const all: [string, { status: string; value?: number }][] = [
      ...[...values.commune].map(([code, v]): [string, typeof v] => [`commune ${code}`, v]),
      ...[...values.epci].map(([code, v]): [string, typeof v] => [`EPCI ${code}`, v]),
      ["département", values.departement],
      ["région", values.region],
      ["France", values.france],
    ];
    const share = indicator.formula.kind === "share" || indicator.unit === "%";
    // Above 100 % is an inconsistency within one file, but can legitimately happen when a
    // numerator from one producer (rounded to 5, a later vintage) meets another's denominator.
    const oneSource = new Set(Object.values(formulaParts(indicator.formula)).flat().map((ref) => ref.split(".")[0])).size === 1;
    for (const [where, v] of all) {
      if (v.status !== "ok") continue;
      if (share && v.value! > 100 + 1e-9)
        findings.push({
          rule: "bounds-share",
          severity: oneSource ? "error" : "warning",
          indicator: indicator.id,
          territory: where,
          message: `${indicator.label} vaut ${v.value!.toFixed(1)} % pour ${where} : un taux ne peut dépasser 100 %.`,
          hint: oneSource
            ? "Vérifiez que le numérateur est bien une partie du dénominateur (mêmes champ et millésime) et les colonnes déclarées."
            : "Numérateur et dénominateur viennent de sources différentes (arrondis, millésimes) : vérifiez la commune, ou acceptez l'écart.",
        });
      if (v.value! < 0 && indicator.formula.kind !== "evolution")
        findings.push({ rule: "bounds-negative", severity: "error", indicator: indicator.id, territory: where, message: `${indicator.label} est négatif (${v.value}) pour ${where}.`, hint: "Un effectif ou un taux ne peut être négatif : vérifiez le fichier source." });
    }
  }
  return findings;
}

/** Indicators whose parts come from different vintages: legitimate, but the reader must know. */
export function checkVintages(indicators: Indicator[], sources: Map<string, Source>): Finding[] {
  const findings: Finding[] = [];
  for (const indicator of indicators) {
    const ids = new Set(Object.values(formulaParts(indicator.formula)).flat().map((ref) => ref.split(".")[0]));
    const vintages = new Set([...ids].map((id) => sources.get(id)?.vintage).filter((v) => v !== undefined));
    if (vintages.size > 1)
      findings.push({ rule: "vintage-mix", severity: "info", indicator: indicator.id, message: `${indicator.label} rapporte des données de millésimes différents (${[...vintages].sort().join(", ")}).`, hint: "Mentionnez-le dans la note de l'indicateur si l'écart de millésime gêne la lecture." });
  }
  return findings;
}
