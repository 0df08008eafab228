// Commune mergers: files in an older COG name communes that no longer exist (e.g. in the Gers,
// 32067, 32260 and 32413 merged into 32365 on 2025-01-01).
import { readCsv } from "./csv";
import { COMMUNE_CODE } from "./codes";
import { atLine, failIfAny } from "./errors";

/** Maps a commune code to its current one (unchanged codes map to themselves). */
export type RenewCode = (code: string) => string;

/** Reads `ancien_code;nouveau_code`; chains (A→B, B→C) are followed to the end. */
export function readCommuneChanges(file: string): RenewCode {
  const next = new Map<string, string>();
  const problems: string[] = [];
  for (const { line, values } of readCsv(file, ["ancien_code", "nouveau_code"])) {
    const { ancien_code: from, nouveau_code: to } = values;
    for (const code of [from, to]) if (!COMMUNE_CODE.test(code)) problems.push(atLine(line, `code commune « ${code} » invalide`));
    if (from === to) problems.push(atLine(line, `la commune ${from} est renvoyée vers elle-même`));
    else if (next.has(from) && next.get(from) !== to) problems.push(atLine(line, `la commune ${from} a deux nouveaux codes : ${next.get(from)} et ${to}`));
    else next.set(from, to);
  }
  const renew = (code: string) => {
    for (let i = 0; next.has(code) && i <= next.size; i++) code = next.get(code)!;
    return code;
  };
  for (const from of next.keys()) if (next.has(renew(from))) problems.push(`correspondances en boucle à partir de la commune ${from}`);
  failIfAny(file, problems);
  return renew;
}
