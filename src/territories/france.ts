// Which France a value describes. Producers do not all mean the same: Filosofi 2019 publishes
// France métropolitaine only, the populations légales leave Mayotte out. The scope is declared per
// source (`france:`), never guessed, and named wherever the value shows.
import type { Source } from "../declare/schemas";

export type FranceScope = Source["france"];

export interface FranceTerritory {
  /** The code its values carry in the models and downloads. */
  code: string;
  name: string;
  /** Whether a commune of this zone (decoupage's "metro", "drom") and département belongs to it. */
  includes(zone: string, departement: string): boolean;
}

export const FRANCE: Record<FranceScope, FranceTerritory> = {
  entiere: { code: "FRANCE", name: "France", includes: (zone) => zone === "metro" || zone === "drom" },
  metropolitaine: { code: "FRANCE-METRO", name: "France métropolitaine", includes: (zone) => zone === "metro" },
  "hors-mayotte": {
    code: "FRANCE-HORS-MAYOTTE",
    name: "France hors Mayotte",
    includes: (zone, departement) => (zone === "metro" || zone === "drom") && departement !== "976",
  },
};

/** The France territory of a value's code ("FRANCE" when unknown). */
export const franceByCode = (code: string): FranceTerritory => Object.values(FRANCE).find((f) => f.code === code) ?? FRANCE.entiere;
