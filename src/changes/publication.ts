// The record of a publication, made from the models of a build, and read back from a published site.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Config, Source } from "../declare/schemas";
import type { PortraitModel } from "../model/types";
import type { Publication } from "./types";

export function publicationOf(buildDate: string, territory: Publication["territory"], sources: Iterable<Source>, portraits: PortraitModel[]): Publication {
  const publication: Publication = { schemaVersion: 1, buildDate, territory, sources: {}, epcis: {}, values: {}, indicators: {} };
  for (const source of sources) publication.sources[source.id] = { dataset: source.dataset, vintage: source.vintage };
  for (const portrait of portraits) {
    publication.epcis[portrait.epci.code] = { name: portrait.epci.name, signed: portrait.epci.agreement.signed };
    const values: Publication["values"][string] = {};
    for (const indicator of Object.values(portrait.indicators)) {
      const epci = indicator.values[0];
      values[indicator.id] = epci.status === "ok" ? { status: "ok", value: epci.value } : { status: epci.status };
      publication.indicators[indicator.id] = { label: indicator.label, unit: indicator.unit, decimals: indicator.decimals };
    }
    publication.values[portrait.epci.code] = values;
  }
  return publication;
}

export const territoryOf = (config: Config): Publication["territory"] => ({ name: config.name, departement: config.departement });

/** The record of the site published in `siteDir` (donnees/publication.json), if any. */
export function readPublication(siteDir: string): Publication | undefined {
  const file = join(siteDir, "donnees", "publication.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Publication) : undefined;
}
