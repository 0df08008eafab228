// Which France a value describes. Producers do not all mean the same: Filosofi 2019 publishes
// France métropolitaine only, the populations légales leave Mayotte out. The scope is declared per
// source (`france:`), never guessed, and named wherever the value shows (src/format/france.ts).
import type { Source } from "../declare/schemas";
import { FRANCE_NAMES } from "../format/france";

export type FranceScope = Source["france"];

export interface FranceTerritory {
  /** The code its values carry in the models and downloads. */
  code: string;
  name: string;
  /** Whether a commune of this zone (decoupage's "metro", "drom") and département belongs to it. */
  includes(zone: string, departement: string): boolean;
}

const overseasOrMetro = (zone: string) => zone === "metro" || zone === "drom";

export const FRANCE: Record<FranceScope, FranceTerritory> = {
  entiere: { ...FRANCE_NAMES.entiere, includes: overseasOrMetro },
  metropolitaine: { ...FRANCE_NAMES.metropolitaine, includes: (zone) => zone === "metro" },
  "hors-mayotte": { ...FRANCE_NAMES["hors-mayotte"], includes: (zone, departement) => overseasOrMetro(zone) && departement !== "976" },
};
