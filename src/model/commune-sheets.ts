// The commune sheets of an EPCI as the data stage writes them (CommuneSheetsModel: what they share once,
// then each commune's part) expanded into one model per sheet, where the pages read them. Apart from
// the model builder (commune.ts), which the pages do not load.
import { compareWith } from "../compare/compare";
import type { CommuneSheetModel, CommuneSheetsModel, LevelValue } from "./types";

/** Each commune's sheet, its values beside the shared references and compared with them. */
export function expandCommuneSheets({ shared, communes }: CommuneSheetsModel): CommuneSheetModel[] {
  const { references, indicators, outline, ...common } = shared;
  return communes.map(({ commune, values, geometry }) => ({
    ...common,
    commune,
    territories: [{ level: "commune", code: commune.code, name: commune.name }, ...references],
    indicators: Object.fromEntries(
      Object.entries(indicators).map(([id, { references: levels, ...description }]) => {
        const own: LevelValue = { level: "commune", code: commune.code, ...values[id] };
        return [id, { ...description, values: [own, ...levels], comparisons: compareWith(own, levels) }];
      }),
    ),
    maps: { ...(outline ? { epci: outline } : {}), ...(geometry ? { commune: geometry } : {}) },
  }));
}
