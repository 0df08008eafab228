// The level of a file's rows, from its codes: the Filosofi files of départements and régions share
// codes (32 is the Gers, or the Hauts-de-France), so the set of codes and their number decide.
import type { Level } from "../declare/schemas";
import { decoupageData } from "../territories/decoupage";
import type { RawValue } from "../read/raw";

export interface LevelGuess {
  level: Level;
  confidence: "sûr" | "probable";
  why: string;
}

const COMMUNE = /^(\d{5}|2[AB]\d{3})$/;

export function levelOfCodes(values: RawValue[]): LevelGuess | undefined {
  const codes = [...new Set(values.map((v) => String(v ?? "").trim()).filter((v) => v !== ""))];
  if (codes.length === 0) return undefined;
  const share = (test: (code: string) => boolean) => codes.filter(test).length / codes.length;
  const n = codes.length;
  if (share((c) => COMMUNE.test(c)) > 0.95) return { level: "commune", confidence: "sûr", why: `${n} codes de commune à cinq caractères` };
  if (share((c) => /^\d{9}$/.test(c)) > 0.95) return { level: "epci", confidence: "sûr", why: `${n} numéros SIREN d'EPCI à neuf chiffres` };
  if (n === 1 && /^(1|FR|FRANCE|FXX|FRM|METRO)$/i.test(codes[0])) return { level: "france", confidence: "probable", why: `une seule ligne, code « ${codes[0]} »` };
  const { regions, departements } = decoupageData();
  const regionCodes = new Set(regions.map((r) => r.code));
  const departementCodes = new Set(departements.map((d) => d.code));
  // Every code a région's and no more lines than there are régions: régions; otherwise départements.
  if (codes.every((c) => regionCodes.has(c)) && n <= regionCodes.size)
    return { level: "region", confidence: "probable", why: `${n} codes, tous des codes de région (il y a ${regionCodes.size} régions)` };
  if (share((c) => departementCodes.has(c)) > 0.9)
    return { level: "departement", confidence: n > regionCodes.size ? "sûr" : "probable", why: `${n} codes de département` };
  return undefined;
}

/** Rows of the file that belong to the département: its communes (old codes included), EPCIs, itself or its région. */
export function rowsOfDepartement(values: RawValue[], level: Level | undefined, departement: string): number {
  const { all, epcis, departements } = decoupageData();
  const region = departements.find((d) => d.code === departement)?.region;
  const communes = new Set(all.filter((c) => c.departement === departement).map((c) => c.code));
  const epciCodes = new Set(epcis.filter((e) => e.membres.some((m) => communes.has(m.code))).map((e) => e.code));
  const belongs = (code: string) => {
    switch (level) {
      case "commune":
        return communes.has(code) || code.startsWith(departement);
      case "epci":
        return epciCodes.has(code);
      case "departement":
        return code === departement;
      case "region":
        return code === region;
      default:
        return communes.has(code) || epciCodes.has(code) || code === departement;
    }
  };
  return values.filter((v) => belongs(String(v ?? "").trim())).length;
}
