// One model per computed indicator for its page (/indicateur/<id>/): every EPCI's value as the portraits
// publish it (after secrecy), the references, and the EPCIs' ranks among those whose portrait is published.
import { epciRanks } from "../compare/compare";
import { FRANCE } from "../territories/france";
import { agreementOf, mappedCommunes, sheetsPublished, type ModelInput } from "./build";
import { ownValue } from "./commune";
import type { IndicatorPageModel, Value } from "./types";

export function buildIndicatorPages(input: ModelInput): IndicatorPageModel[] {
  const { territories } = input;
  const signed = (code: string) => agreementOf(input, code).signed;
  // The mapped communes whose sheet publishes data; the others are hatched.
  const mapped = mappedCommunes(input).filter((c) => sheetsPublished(input, c.epci));
  return [...input.computed.byId].map(([id, values]) => {
    // An EPCI without a signed CTG publishes nothing, so it neither shows a value nor counts in the ranks.
    const shown = new Map<string, Value>([...values.epci].filter(([code]) => signed(code)));
    const ranks = epciRanks(values, signed);
    const communes = mapped.map((c) => [c.code, ownValue(values.commune.get(c.code) ?? { status: "missing" })] as const);
    return {
      schemaVersion: 1,
      id,
      epcis: territories.epcis.map((e) => {
        const rank = ranks.get(e.code);
        const value = shown.get(e.code);
        return { code: e.code, name: e.name, signed: signed(e.code), ...(value ? { value } : {}), ...(rank ? { rank } : {}) };
      }),
      references: [
        { level: "departement", code: territories.departement.code, name: territories.departement.name, ...values.departement },
        { level: "region", code: territories.region.code, name: territories.region.name, ...values.region },
        { level: "france", code: FRANCE[values.franceScope].code, name: FRANCE[values.franceScope].name, ...values.france },
      ],
      ...(communes.some(([, v]) => v.status === "ok") ? { communes: Object.fromEntries(communes) } : {}),
    };
  });
}
