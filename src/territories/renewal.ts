// A producer's commune code → the current commune: the configuration's own correspondence
// (communeChanges) first, then the national referential's former codes and arrondissements.
import { resolve } from "node:path";
import type { Config } from "../declare/schemas";
import { readCommuneChanges, type RenewCode } from "./changes";
import { communeReferential, type CommuneReferential } from "./referential";

export interface Renewal {
  override?: RenewCode;
  referential?: CommuneReferential;
}

export type FoldKind = "change" | "former" | "arrondissement";

/** The renewal a configuration declares: the national referential comes with decoupage-administratif. */
export function loadRenewal(config: Config, configDir: string): Renewal {
  return {
    ...(config.communeChanges ? { override: readCommuneChanges(resolve(configDir, config.communeChanges)) } : {}),
    ...(config.territories.from === "decoupage-administratif" ? { referential: communeReferential() } : {}),
  };
}

/** A code's current commune, and how it was found (none when unchanged, or unknown: the coverage check reports it). */
export function currentCode(code: string, { override, referential }: Renewal): { code: string; kind?: FoldKind } {
  const changed = override ? override(code) : code;
  const kind: FoldKind | undefined = changed !== code ? "change" : undefined;
  if (!referential || referential.communes.has(changed)) return { code: changed, kind };
  const former = referential.former.get(changed);
  if (former) return { code: former, kind: "former" };
  const commune = referential.arrondissements.get(changed);
  if (commune) return { code: commune, kind: "arrondissement" };
  return { code: changed, kind };
}

/** The renewal as a plain code mapping, for contours and group lists (arrondissements always folded). */
export const renewCode =
  (renewal: Renewal): RenewCode =>
  (code) =>
    currentCode(code, renewal).code;
